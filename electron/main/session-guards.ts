/**
 * Electron's checklist items that live on the session: the app asks for no
 * permission (camera, notifications, geolocation, HID…), so every request and
 * every check is refused, whatever page makes it.
 */
import type { Session } from 'electron';

export function lockDownSession(session: Pick<Session, 'setPermissionRequestHandler' | 'setPermissionCheckHandler' | 'setDevicePermissionHandler'>): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
  session.setDevicePermissionHandler(() => false);
}
