/** The provider id the built-in engine runs under unless the user named their own. */
export const ENGINE_PROVIDER_ID = 'engine';
