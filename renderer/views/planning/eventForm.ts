import { z } from 'zod';
import { eventFields, type Event, type EventFields, type EventKind } from '../../../shared/schemas/event';
import { dateTimeIssues, isoToGermanDate, isoToTime, parseGermanDate, parseTime, toIsoWithOffset } from '../../forms/dates';
import { formResolver, formSchema, type FieldMap } from '../../forms/fields';

/** The event form as typed: all text, German date and times. */
const eventFormValues = z.object({
  title: z.string(),
  kind: z.string(),
  date: z.string(),
  start: z.string(),
  end: z.string(),
  place: z.string(),
  hostId: z.string(),
  capacity: z.string(),
  notes: z.string(),
});
export type EventFormValues = z.infer<typeof eventFormValues>;

export const emptyEventForm: EventFormValues = {
  title: '',
  kind: 'presentation',
  date: '',
  start: '',
  end: '',
  place: '',
  hostId: '',
  capacity: '',
  notes: '',
};

export function eventToForm(event: Event): EventFormValues {
  return {
    title: event.title,
    kind: event.kind,
    date: isoToGermanDate(event.startsAt),
    start: isoToTime(event.startsAt),
    end: event.endsAt ? isoToTime(event.endsAt) : '',
    place: event.place ?? '',
    hostId: event.hostId ?? '',
    capacity: event.capacity === undefined ? '' : String(event.capacity),
    notes: event.notes ?? '',
  };
}

/**
 * The contract's input from the form. Optional texts stay "" so an edit can
 * clear them; the end, the host and the capacity are left out when empty.
 */
export function formToEventInput(values: EventFormValues): EventFields {
  const date = parseGermanDate(values.date) ?? values.date;
  const end = parseTime(values.end);
  const capacity = values.capacity.trim();
  return {
    title: values.title,
    kind: values.kind as EventKind, // checked by eventFields
    startsAt: toIsoWithOffset(date, parseTime(values.start) ?? values.start),
    ...(end ? { endsAt: toIsoWithOffset(date, end) } : {}),
    place: values.place,
    ...(values.hostId ? { hostId: values.hostId } : {}),
    ...(capacity ? { capacity: Number(capacity) } : {}),
    notes: values.notes,
  };
}

/** The date is typed into "Datum", the end time into "Ende". */
export const eventFieldMap: FieldMap = { startsAt: 'date', endsAt: 'end' };

export const eventFormResolver = formResolver(formSchema(eventFormValues, eventFields, formToEventInput, dateTimeIssues), eventFieldMap);

/** The place a host's address suggests: "Straße, PLZ Ort"; "" when nothing is known. */
export function placeFromAddress(contact: { street?: string; postalCode?: string; city?: string }): string {
  return [contact.street, [contact.postalCode, contact.city].filter(Boolean).join(' ')].filter(Boolean).join(', ');
}
