import type { AppStatus } from '../../shared/contract';
import type { Handlers } from '../dispatcher';
import type { Store } from '../store/store';
import { catalogService } from './catalog';
import { checkinService } from './checkin';
import { clubService } from './club';
import { contactService } from './contacts';
import { demoService } from './demo';
import { eventService } from './events';
import { exportService } from './exports';
import { importService } from './import';
import { invitationService } from './invitations';
import { orderService } from './orders';
import { reportService } from './reports';
import { taskService } from './tasks';
import { privacyService } from './privacy';

/** The operations on the data folder as a whole, which the backend provides (electron/folder/). */
export type FolderHandlers = Pick<
  Handlers,
  | 'app.unlock'
  | 'recovery.restore'
  | 'backups.list'
  | 'backups.create'
  | 'backups.restore'
  | 'backups.openFolder'
  | 'data.exportArchive'
  | 'data.importArchive'
  | 'encryption.status'
  | 'encryption.enable'
  | 'encryption.change'
  | 'encryption.disable'
>;

/** Every operation of the contract, bound to one open store. */
export function createHandlers(store: Store, version: string, folder: FolderHandlers): Handlers {
  const contacts = contactService(store);
  const events = eventService(store);
  const invitations = invitationService(store);
  const imports = importService(store);
  const checkin = checkinService(store);
  const catalog = catalogService(store);
  const orders = orderService(store);
  const reports = reportService(store);
  const tasks = taskService(store);
  const demo = demoService(store);
  const club = clubService(store);
  const exports = exportService(store);
  const privacy = privacyService(store);
  return {
    ...folder,
    'app.status': (): AppStatus => ({ state: 'ready', version, dataDir: store.dataDir, empty: store.isEmpty() }),
    'settings.get': () => store.settings.data.settings,
    'settings.update': (patch) =>
      store.settings.update((current) => {
        const next = { ...current.settings, ...patch };
        return { next: { ...current, settings: next }, result: next };
      }),
    'contacts.create': contacts.create,
    'contacts.list': contacts.list,
    'contacts.ids': contacts.ids,
    'contacts.search': contacts.search,
    'contacts.get': contacts.get,
    'contacts.update': contacts.update,
    'contacts.tags': contacts.tags,
    'contacts.history': contacts.history,
    'contacts.duplicates': contacts.duplicates,
    'contacts.merge': contacts.merge,
    'contacts.recordConsent': contacts.recordConsent,
    'contacts.import': imports.run,
    'events.create': events.create,
    'events.list': events.list,
    'events.get': events.get,
    'events.update': events.update,
    'events.cancel': events.cancel,
    'events.setStatus': events.setStatus,
    'events.duplicate': events.duplicate,
    'events.ics': events.ics,
    'invitations.add': invitations.add,
    'invitations.remove': invitations.remove,
    'invitations.setRsvp': invitations.setRsvp,
    'invitations.list': invitations.list,
    'checkin.checkIn': checkin.checkIn,
    'checkin.undo': checkin.undo,
    'checkin.walkIn': checkin.walkIn,
    'checkin.state': checkin.state,
    'checkin.search': checkin.search,
    'catalog.list': catalog.list,
    'catalog.create': catalog.create,
    'catalog.update': catalog.update,
    'catalog.import': catalog.import,
    'orders.create': orders.create,
    'orders.update': orders.update,
    'orders.list': orders.list,
    'orders.setStatus': orders.setStatus,
    'orders.addPayment': orders.addPayment,
    'orders.reconciliation': orders.reconciliation,
    'events.book': events.book,
    'events.report': reports.eventReport,
    'reports.dashboard': reports.dashboard,
    'tasks.list': tasks.list,
    'tasks.complete': tasks.complete,
    'contacts.addTags': contacts.addTags,
    'club.settings.get': club.settingsGet,
    'club.settings.update': club.settingsUpdate,
    'club.join': club.join,
    'club.leave': club.leave,
    'club.setStatus': club.setStatus,
    'club.addPoints': club.addPoints,
    'club.members': club.members,
    'club.memberIds': club.memberIds,
    'club.member': club.member,
    'club.tiers': club.tiers,
    'club.views.list': club.viewsList,
    'club.views.save': club.viewsSave,
    'club.views.delete': club.viewsDelete,
    'exports.create': exports.create,
    'exports.print': exports.print,
    'exports.preview': exports.preview,
    'exports.log': exports.log,
    'privacy.access': privacy.access,
    'privacy.erase': privacy.erase,
    'privacy.erasures': privacy.erasures,
    'privacy.review': privacy.review,
    'privacy.keep': privacy.keep,
    'demo.load': demo.load,
  };
}
