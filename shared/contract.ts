import { z } from 'zod';
import { product, productFields, productPatch } from './schemas/catalog';
import { checkinRecord } from './schemas/checkin';
import { hostReward } from './schemas/host-reward';
import { orderLineInput, orderStatuses, orderView, paymentMethods } from './schemas/order';
import { taskView } from './schemas/task';
import { contact, contactCreate, contactFields, contactPatch, contactRef } from './schemas/contact';
import { contactFilter } from './schemas/contact-filter';
import { consentChannels, consentInput, consentPurposes } from './schemas/consent';
import { event, eventFields, eventPatch, eventStatuses } from './schemas/event';
import { id, isoDateTime } from './schemas/common';
import { importInput, importResult } from './schemas/import';
import { cents } from './schemas/catalog';
import { invitation, invitationCode, invitationView, rsvps } from './schemas/invitation';
import { settings, settingsPatch } from './schemas/settings';
import { archiveBase64, backupInfo, backupName, newPassphrase, passphrase } from './schemas/data';
import { erasure, keptDecision, personalDataReport, reviewEntry } from './schemas/privacy';
import {
  clubSettings,
  exportFormats,
  exportLogEntry,
  exportRequest,
  joinSources,
  manualPointsKinds,
  memberDetail,
  memberFilter,
  memberRow,
  memberView,
  printKinds,
  savedView,
} from './schemas/club';

/**
 * The one contract between renderer and main process. Each operation has a
 * name, an input schema (checked by the dispatcher before any handler runs)
 * and an output schema (the type the caller gets back). Both transports, IPC
 * and HTTP, carry exactly these operations.
 */
const operation = <I extends z.ZodType, O extends z.ZodType>(input: I, output: O) => ({ input, output });

const byId = z.strictObject({ id });
const nothing = z.strictObject({});

export const appStatus = z.discriminatedUnion('state', [
  z.object({ state: z.literal('ready'), version: z.string(), dataDir: z.string(), empty: z.boolean() }),
  z.object({
    state: z.literal('recovery'),
    version: z.string(),
    dataDir: z.string(),
    /** Every document that failed to load (relative to the data folder), each with the newest backup holding a good copy of it, if any. */
    broken: z.array(z.object({ file: z.string(), reason: z.string(), backup: z.string().optional() })).min(1),
  }),
  /** The data folder is encrypted: nothing is open until the passphrase is given (app.unlock). */
  z.object({ state: z.literal('locked'), version: z.string(), dataDir: z.string() }),
]);

export const operations = {
  'app.status': operation(nothing, appStatus),

  'settings.get': operation(nothing, settings),
  'settings.update': operation(settingsPatch.strict(), settings),

  'contacts.create': operation(contactCreate, contact),
  'contacts.list': operation(
    contactFilter.extend({
      limit: z.number().int().min(1).max(1000).default(200),
      offset: z.number().int().min(0).default(0),
    }),
    z.object({ items: z.array(contact), total: z.number().int() }),
  ),
  /** The ids of every contact the filter matches, to invite them in one step. */
  'contacts.ids': operation(contactFilter, z.object({ ids: z.array(id) })),
  /** Contacts matching as one types (also phonetically: "Meyer" finds Meier, Maier, Mayer), best first. */
  'contacts.search': operation(
    z.strictObject({ query: z.string().trim().min(1).max(200), limit: z.number().int().min(1).max(200).default(20) }),
    z.array(contact),
  ),
  'contacts.get': operation(byId, contact),
  'contacts.update': operation(contactPatch, contact),
  /** Every tag in use, with how many contacts carry it. */
  'contacts.tags': operation(nothing, z.array(z.object({ tag: z.string(), count: z.number().int() }))),
  /** A person's history: invitations with replies, and the recommendation chain both ways. */
  'contacts.history': operation(
    byId,
    z.object({
      invitations: z.array(z.object({ event, invitation })),
      /** Who recommended this person, who recommended that one, and so on. */
      referredByChain: z.array(contactRef),
      /** Whom this person recommended. */
      referrals: z.array(contactRef),
    }),
  ),
  /** Groups of likely duplicates: same e-mail, same normalised phone, or same name and postcode. */
  'contacts.duplicates': operation(
    nothing,
    z.array(z.object({ reason: z.enum(['email', 'phone', 'namePostcode']), contacts: z.array(contact) })),
  ),
  /** Merges contacts into one, keeping every invitation, consent record and recommendation. */
  'contacts.merge': operation(z.strictObject({ keepId: id, mergeIds: z.array(id).min(1).max(20) }), contact),
  'contacts.recordConsent': operation(consentInput.extend({ contactId: id }), contact),
  /** Imports CSV or vCard; all or nothing. With dryRun it writes nothing and answers a preview. */
  'contacts.import': operation(importInput, importResult),

  'events.create': operation(eventFields, event),
  'events.list': operation(
    z.strictObject({
      from: isoDateTime.optional(),
      to: isoDateTime.optional(),
      status: z.array(z.enum(eventStatuses)).optional(),
    }),
    z.array(event),
  ),
  'events.get': operation(byId, event),
  'events.update': operation(eventPatch, event),
  'events.cancel': operation(z.strictObject({ id, reason: z.string().trim().max(500).optional() }), event),
  /** Moves an event along its lifecycle: planned, invited, held, closed. */
  'events.setStatus': operation(z.strictObject({ id, status: z.enum(['planned', 'invited', 'held', 'closed']) }), event),
  /** A new planned event like an earlier one ("wie letztes Mal"), at a new time. */
  'events.duplicate': operation(z.strictObject({ id, startsAt: isoDateTime, withInvitees: z.boolean().default(false) }), event),
  /** The event as an iCalendar file for the rep's calendar. */
  'events.ics': operation(byId, z.object({ fileName: z.string(), content: z.string() })),

  'invitations.add': operation(
    z.strictObject({ eventId: id, contactIds: z.array(id).min(1).max(50_000) }),
    z.object({ added: z.array(invitation), alreadyInvited: z.number().int() }),
  ),
  'invitations.remove': operation(z.strictObject({ invitationId: id }), invitation),
  'invitations.setRsvp': operation(
    z.strictObject({ invitationId: id, rsvp: z.enum(rsvps), plusOnes: z.number().int().min(0).max(20).optional() }),
    invitation,
  ),
  'invitations.list': operation(z.strictObject({ eventId: id }), z.array(invitationView)),

  /**
   * Door check-in: by invitation id, invitation code (printed card, QR code, USB scanner) or contact id
   * (an uninvited contact gets a walk-in invitation). Acknowledged once durable on disk. A second check-in
   * of someone already there changes nothing and answers the earlier record with alreadyCheckedIn.
   */
  'checkin.checkIn': operation(
    z
      .strictObject({
        eventId: id,
        invitationId: id.optional(),
        code: z.string().trim().toUpperCase().pipe(invitationCode).optional(),
        contactId: id.optional(),
        /** Companions arriving with her; default: her plus-ones. */
        companions: z.number().int().min(0).max(20).optional(),
        /** Also check in the other invited guests of her household (same address). */
        household: z.boolean().default(false),
        device: z.string().trim().min(1).max(100).optional(),
      })
      .refine((input) => [input.invitationId, input.code, input.contactId].filter((value) => value !== undefined).length === 1, {
        error: 'validation.checkinTarget',
      }),
    z.object({
      invitation: invitationView,
      record: checkinRecord,
      alreadyCheckedIn: z.boolean(),
      /** Household members checked in with her. */
      household: z.array(invitationView),
    }),
  ),
  /** Takes back the guest's latest check-in (a record of its own). */
  'checkin.undo': operation(
    z.strictObject({ eventId: id, invitationId: id, device: z.string().trim().min(1).max(100).optional() }),
    z.object({ invitation: invitationView, record: checkinRecord }),
  ),
  /** Registers a new person at the door with her consent, and checks her in. */
  'checkin.walkIn': operation(
    z.strictObject({
      eventId: id,
      contact: contactFields.pick({ firstName: true, lastName: true, email: true, phone: true }),
      consents: z
        .array(z.strictObject({ channel: z.enum(consentChannels), purpose: z.enum(consentPurposes), granted: z.boolean(), wording: z.string().trim().min(1).max(2000) }))
        .max(10)
        .default([]),
      /** Who brought her (becomes her recommender); default: the event's host. */
      broughtBy: id.optional(),
      device: z.string().trim().min(1).max(100).optional(),
      /** She joins the customer club too (in the same write). */
      joinClub: z.boolean().default(false),
    }),
    z.object({ contact, invitation: invitationView, record: checkinRecord, memberNumber: z.string().optional() }),
  ),
  /**
   * The door's view of one event. Counts: invited = invitations (walk-ins aside); accepted = of those,
   * replied yes; arrived = people there now, companions included; walkIns = walk-ins there now;
   * notArrived = invited guests who did not decline and are not there.
   */
  'checkin.state': operation(
    z.strictObject({ eventId: id }),
    z.object({
      counts: z.object({
        invited: z.number().int(),
        accepted: z.number().int(),
        arrived: z.number().int(),
        walkIns: z.number().int(),
        notArrived: z.number().int(),
      }),
      guests: z.array(invitationView),
    }),
  ),
  /**
   * Finds people at the door: invited guests first, then other contacts; exact before phonetic; an
   * invitation code matches its guest.
   */
  'checkin.search': operation(
    z.strictObject({ eventId: id, query: z.string().trim().min(1).max(200), limit: z.number().int().min(1).max(50).default(10) }),
    z.array(z.object({ contact, invitation: invitationView.optional() })),
  ),

  'catalog.list': operation(
    z.strictObject({ query: z.string().trim().max(100).optional(), includeInactive: z.boolean().default(false) }),
    z.array(product),
  ),
  'catalog.create': operation(productFields, product),
  'catalog.update': operation(productPatch, product),
  /** Imports products from CSV (e.g. "Artikelnummer;Bezeichnung;Kategorie;Preis" with prices like 24,90 and 1.249,00); all or nothing. */
  'catalog.import': operation(
    importInput.pick({ fileName: true, contentBase64: true, dryRun: true }),
    z.object({
      created: z.number().int(),
      updated: z.number().int(),
      skipped: z.number().int(),
      errors: z.array(z.object({ line: z.number().int(), reason: z.string() })),
      preview: z.array(productFields.extend({ line: z.number().int(), action: z.enum(['create', 'update', 'skip']) })).optional(),
    }),
  ),

  'orders.create': operation(
    z.strictObject({ eventId: id.optional(), contactId: id, lines: z.array(orderLineInput).min(1).max(200), note: z.string().trim().max(1000).optional() }),
    orderView,
  ),
  /** Replaces the lines (and/or note) of an order that is not cancelled. */
  'orders.update': operation(
    z.strictObject({ id, lines: z.array(orderLineInput).min(1).max(200).optional(), note: z.string().trim().max(1000).optional() }),
    orderView,
  ),
  'orders.list': operation(
    z.strictObject({ eventId: id.optional(), contactId: id.optional(), status: z.array(z.enum(orderStatuses)).optional(), withoutEvent: z.boolean().optional() }),
    z.array(orderView),
  ),
  'orders.setStatus': operation(z.strictObject({ id, status: z.enum(orderStatuses) }), orderView),
  'orders.addPayment': operation(
    z.strictObject({ orderId: id, method: z.enum(paymentMethods), amountCents: cents.min(1, { error: 'validation.cents' }), at: isoDateTime.optional(), note: z.string().trim().max(200).optional() }),
    orderView,
  ),
  /** Per event: what each guest owes and paid, what was collected by method, and the difference. */
  'orders.reconciliation': operation(
    z.strictObject({ eventId: id }),
    z.object({
      guests: z.array(z.object({ contact: contactRef, totalCents: z.number().int(), paidCents: z.number().int(), openCents: z.number().int() })),
      byMethod: z.record(z.enum(paymentMethods), z.number().int()),
      totalCents: z.number().int(),
      paidCents: z.number().int(),
      openCents: z.number().int(),
    }),
  ),

  /** A guest who wants to host: a planned event with her as host, linked to the event where she booked. */
  'events.book': operation(
    z.strictObject({ eventId: id, contactId: id, startsAt: isoDateTime, kind: z.enum(['presentation', 'party', 'club', 'online']).default('party'), title: z.string().trim().min(1).max(200).optional() }),
    event,
  ),
  /** The event's figures: guests, sales, the host's reward, bookings. */
  'events.report': operation(
    z.strictObject({ eventId: id }),
    z.object({
      invited: z.number().int(),
      accepted: z.number().int(),
      came: z.number().int(),
      walkIns: z.number().int(),
      buyingGuests: z.number().int(),
      salesCents: z.number().int(),
      averageOrderCents: z.number().int(),
      paidCents: z.number().int(),
      openCents: z.number().int(),
      topProducts: z.array(z.object({ productId: id, name: z.string(), quantity: z.number().int(), salesCents: z.number().int() })),
      hostReward,
      /** Events booked at this one. */
      bookings: z.array(event),
      /** The events this one's host booked at, oldest first: the chain of bookings. */
      bookingChain: z.array(event),
      commissionCents: z.number().int(),
    }),
  ),
  /** Across events: sales and events per month, the funnel, top hosts, products and recommenders. */
  'reports.dashboard': operation(
    z.strictObject({ from: isoDateTime.optional(), to: isoDateTime.optional() }),
    z.object({
      months: z.array(z.object({ month: z.string(), salesCents: z.number().int(), events: z.number().int() })),
      funnel: z.object({ invited: z.number().int(), came: z.number().int(), bought: z.number().int() }),
      topHosts: z.array(z.object({ contact: contactRef, salesCents: z.number().int(), events: z.number().int() })),
      topProducts: z.array(z.object({ productId: id, name: z.string(), quantity: z.number().int(), salesCents: z.number().int() })),
      /** Whose recommendations brought the most sales (the sales of everyone down their chain; people: those of them who bought). */
      topReferrers: z.array(z.object({ contact: contactRef, salesCents: z.number().int(), people: z.number().int() })),
      salesCents: z.number().int(),
      commissionCents: z.number().int(),
    }),
  ),

  /** Follow-up tasks by due date; dueBefore keeps those due earlier than that day. Reorder and birthday tasks are computed, and stored once completed. */
  'tasks.list': operation(
    z.strictObject({ status: z.enum(['open', 'done', 'all']).default('open'), eventId: id.optional(), dueBefore: z.iso.date().optional() }),
    z.array(taskView),
  ),
  'tasks.complete': operation(z.strictObject({ taskId: id, done: z.boolean().default(true) }), taskView),

  /** Adds tags to many contacts at once (a bulk action of the member list). */
  'contacts.addTags': operation(
    z.strictObject({ contactIds: z.array(id).min(1).max(50_000), tags: z.array(z.string().trim().min(1).max(50)).min(1).max(10) }),
    z.object({ changed: z.number().int() }),
  ),

  'club.settings.get': operation(nothing, clubSettings),
  /** Replaces the club's rules (the form sends them whole; an absent expiry means points never expire). */
  'club.settings.update': operation(clubSettings, clubSettings),
  /** Makes a contact a member (a new member number) or a former member active again (her old number). */
  'club.join': operation(z.strictObject({ contactId: id, source: z.enum(joinSources).default('contact') }), memberDetail),
  /** Ends a membership; number and points history are kept. */
  'club.leave': operation(z.strictObject({ contactId: id }), memberDetail),
  /** Pauses a membership or makes it active again. */
  'club.setStatus': operation(z.strictObject({ contactId: id, status: z.enum(['active', 'paused']) }), memberDetail),
  /** A manual adjustment (signed) or a redemption (positive points taken off; not more than the balance). */
  'club.addPoints': operation(
    z.strictObject({
      contactId: id,
      kind: z.enum(manualPointsKinds),
      points: z.number().int().min(-1_000_000).max(1_000_000).refine((points) => points !== 0, { error: 'validation.pointsNotZero' }),
      reason: z.string().trim().min(1, { error: 'validation.required' }).max(200, { error: 'validation.tooLong' }),
    }),
    memberDetail,
  ),
  /** The member list: the view's filters and sort, a page of it. */
  'club.members': operation(
    z.strictObject({
      filters: memberFilter.prefault({}),
      sort: memberView.shape.sort,
      limit: z.number().int().min(1).max(1000).default(200),
      offset: z.number().int().min(0).default(0),
    }),
    z.object({ items: z.array(memberRow), total: z.number().int() }),
  ),
  /** The contact ids of every member the filters match, in list order, for bulk actions. */
  'club.memberIds': operation(z.strictObject({ filters: memberFilter.prefault({}), sort: memberView.shape.sort }), z.object({ ids: z.array(id) })),
  /** One contact's membership with her points history; null when she never joined. */
  'club.member': operation(z.strictObject({ contactId: id }), memberDetail.nullable()),
  /** Tiers in use and how many members (of any status) are in each. */
  'club.tiers': operation(nothing, z.array(z.object({ name: z.string(), count: z.number().int() }))),
  'club.views.list': operation(nothing, z.array(savedView)),
  /** Saves a view under a name (a new one without id). */
  'club.views.save': operation(z.strictObject({ id: id.optional(), name: savedView.shape.name, view: memberView }), savedView),
  'club.views.delete': operation(byId, z.object({ id })),

  /** A file of exactly the view (filters, columns, order), logged. A mailing purpose leaves out members without consent for its channel. */
  'exports.create': operation(
    exportRequest.extend({ format: z.enum(exportFormats) }),
    z.object({ fileName: z.string(), contentBase64: z.string(), count: z.number().int(), leftOutForConsent: z.number().int() }),
  ),
  /** The rows of a print (member list, address labels, birthday list), logged like a file export. */
  'exports.print': operation(
    exportRequest.extend({ kind: z.enum(printKinds) }),
    z.object({
      rows: z.array(memberRow),
      columns: memberView.shape.columns,
      count: z.number().int(),
      leftOutForConsent: z.number().int(),
      /** Labels only: members without a full postal address (street, postcode, city), who would get a label with a name alone. */
      leftOutWithoutAddress: z.number().int(),
      clubName: z.string(),
    }),
  ),
  /** Before exporting: how many people the export would hold, and how many a mailing purpose leaves out for missing consent. */
  'exports.preview': operation(
    exportRequest,
    z.object({
      count: z.number().int(),
      leftOutForConsent: z.number().int(),
      /** Members of the view without consent for the mailing's channel, whether the override keeps them or not. */
      withoutConsent: z.number().int(),
    }),
  ),
  /** The export log, newest first (without the lists of people). */
  'exports.log': operation(
    z.strictObject({ limit: z.number().int().min(1).max(1000).default(200) }),
    z.array(exportLogEntry.omit({ contactIds: true })),
  ),

  /** Opens an encrypted data folder. A wrong passphrase answers FORBIDDEN (errors.wrongPassphrase) and opens and writes nothing. */
  'app.unlock': operation(z.strictObject({ passphrase }), appStatus),
  /** Restores every broken document from the newest backup holding a good copy of it (the broken files are kept beside, renamed), then opens the folder. Recovery mode only. */
  'recovery.restore': operation(nothing, appStatus),

  /** The backups, newest first, and where they are. */
  'backups.list': operation(nothing, z.object({ folder: z.string(), keep: z.number().int(), backups: z.array(backupInfo) })),
  'backups.create': operation(nothing, backupInfo),
  /** Replaces the data with a backup's; the current state is backed up first (label before-restore). */
  'backups.restore': operation(z.strictObject({ name: backupName, confirm: z.literal(true) }), z.object({ restored: backupName, safetyBackup: backupName })),
  /** Opens the backups folder in the file manager (desktop); browser mode answers opened: false and the path. */
  'backups.openFolder': operation(nothing, z.object({ opened: z.boolean(), folder: z.string() })),
  /** The whole data folder (not its backups) as one archive file, to move to another computer. */
  'data.exportArchive': operation(nothing, z.object({ fileName: z.string(), contentBase64: z.string(), sizeBytes: z.number().int() })),
  /** Takes over a data folder from an archive, all or nothing. Existing data is replaced only with replaceExisting (and backed up first); otherwise CONFLICT. */
  'data.importArchive': operation(
    z.strictObject({ fileName: z.string().trim().min(1).max(300), contentBase64: archiveBase64, replaceExisting: z.boolean().default(false) }),
    // The counts are absent for an encrypted archive: its documents are read only once the folder is unlocked (status: locked).
    z.object({ contacts: z.number().int().optional(), events: z.number().int().optional(), safetyBackup: backupName.optional(), status: appStatus }),
  ),

  'encryption.status': operation(nothing, z.object({ enabled: z.boolean() })),
  /** Encrypts every document and backup with a key derived from the passphrase. */
  'encryption.enable': operation(z.strictObject({ passphrase: newPassphrase }), z.object({ enabled: z.boolean() })),
  /** Re-encrypts everything under a new passphrase; a wrong current one answers FORBIDDEN and changes nothing. */
  'encryption.change': operation(z.strictObject({ current: passphrase, next: newPassphrase }), z.object({ enabled: z.boolean() })),
  /** Stores everything in plain JSON again. */
  'encryption.disable': operation(z.strictObject({ current: passphrase }), z.object({ enabled: z.boolean() })),

  /** Right of access (DSGVO Art. 15): everything stored about one person. */
  'privacy.access': operation(z.strictObject({ contactId: id }), personalDataReport),
  /** Erasure (DSGVO Art. 17): personal data removed, orders and invitations kept under a pseudonym, an audit entry written. */
  'privacy.erase': operation(z.strictObject({ contactId: id, confirm: z.literal(true), reason: z.string().trim().max(500).optional() }), erasure),
  /** The audit entries of every erasure, newest first. */
  'privacy.erasures': operation(nothing, z.array(erasure)),
  /** Contacts without any activity for `years` (default: the setting), oldest activity first. */
  'privacy.review': operation(z.strictObject({ years: z.number().int().min(1).max(30).optional() }), z.array(reviewEntry)),
  /** Keeps a contact on purpose: she leaves the review list until she is inactive for another period. */
  'privacy.keep': operation(z.strictObject({ contactId: id, note: z.string().trim().max(500).optional() }), keptDecision),

  /** Fills an empty data folder with the German demo dataset. */
  'demo.load': operation(nothing, z.object({ contacts: z.number().int(), events: z.number().int() })),
} as const;

export type Operations = typeof operations;
export type OperationName = keyof Operations;
export const operationNames = Object.keys(operations) as OperationName[];

/** What a caller passes (before defaults and trimming). */
export type InputOf<K extends OperationName> = z.input<Operations[K]['input']>;
/** What a handler receives (after validation). */
export type ParsedInputOf<K extends OperationName> = z.output<Operations[K]['input']>;
export type OutputOf<K extends OperationName> = z.output<Operations[K]['output']>;

export type AppStatus = z.output<typeof appStatus>;

export const isOperationName = (name: string): name is OperationName => Object.hasOwn(operations, name);
