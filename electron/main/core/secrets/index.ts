/** Keys: the keychain-backed store, its memory fallback, key lookup, masking and redaction. */
export { KEYCHAIN_SERVICE, type SecretStore, type SecretStoreStatus } from './secret-store.js';
export { MemorySecretStore } from './memory-secret-store.js';
export { createKeychainSecretStore, type KeychainSecretStoreOptions, type StartTimer } from './keychain-secret-store.js';
export { loadKeytar, type KeytarApi, type KeytarLoader } from './keytar-loader.js';
export { explainKeychainFailure, type KeychainFailureStage } from './keychain-explanation.js';
export { createKeyResolver, type KeyResolver, type KeyResolverOptions, type KeyTarget, type ResolvedKey } from './key-resolver.js';
export { maskKey } from './mask-key.js';
export { redact } from './redact.js';
