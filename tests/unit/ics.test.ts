import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import type { Event } from '../../shared/schemas/event';
import { useTestBackend } from '../helpers/api';

const { call, ok } = useTestBackend();

const create = (fields: Record<string, unknown>) => ok<Event>('events.create', { kind: 'party', ...fields });
const ics = (id: string) => ok<{ fileName: string; content: string }>('events.ics', { id });

/** Parses the file with ical.js, an independent reader, and answers its one event. */
function parse(content: string) {
  const calendar = new ICAL.Component(ICAL.parse(content));
  const vevents = calendar.getAllSubcomponents('vevent');
  expect(vevents).toHaveLength(1);
  const vevent = vevents[0]!;
  return { calendar, vevent, event: new ICAL.Event(vevent) };
}

describe('events.ics', () => {
  it('writes a winter (CET) event in UTC with its text, host and a stable UID', async () => {
    const host = await ok<{ id: string }>('contacts.create', { firstName: 'Anna', lastName: 'Müller' });
    const notes = 'Bitte mitbringen: Kuchen, Sahne; Servietten\nParken im Hof \\ Tor 2';
    const event = await create({
      title: 'Homeparty bei Anna',
      startsAt: '2026-12-04T19:00:00+01:00',
      endsAt: '2026-12-04T22:30:00+01:00',
      place: 'Lindenstraße 4, 01067 Dresden',
      hostId: host.id,
      notes,
    });
    const { fileName, content } = await ics(event.id);
    expect(fileName).toBe('2026-12-04 Homeparty bei Anna.ics');
    expect(content).toContain('\r\nDTSTART:20261204T180000Z\r\n');
    expect(content).toContain('\r\nDTEND:20261204T213000Z\r\n');
    expect(content).toContain('LOCATION:Lindenstraße 4\\, 01067 Dresden\r\n');

    const { calendar, vevent, event: parsed } = parse(content);
    expect(calendar.getFirstPropertyValue('version')).toBe('2.0');
    expect(calendar.getFirstPropertyValue('prodid')).toBeTruthy();
    expect(parsed.uid).toBe(`${event.id}@kundenkreis`);
    expect(parsed.startDate.toJSDate().toISOString()).toBe('2026-12-04T18:00:00.000Z');
    expect(parsed.endDate.toJSDate().toISOString()).toBe('2026-12-04T21:30:00.000Z');
    expect(parsed.summary).toBe('Homeparty bei Anna');
    expect(parsed.location).toBe('Lindenstraße 4, 01067 Dresden');
    expect(parsed.description).toBe(`Homeparty\nGastgeberin: Anna Müller\n${notes}`);
    expect(vevent.getFirstPropertyValue('status')).toBe('CONFIRMED');
    expect(String(vevent.getFirstPropertyValue('dtstamp'))).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/);

    // The same event keeps its UID, so a calendar updates the entry instead of adding a second one.
    expect(parse((await ics(event.id)).content).event.uid).toBe(parsed.uid);
  });

  it('writes a summer (CEST) event in UTC', async () => {
    const event = await create({ title: 'Sommerfest', kind: 'club', startsAt: '2026-07-10T19:00:00+02:00', endsAt: '2026-07-10T23:00:00+02:00' });
    const { content } = await ics(event.id);
    expect(content).toContain('\r\nDTSTART:20260710T170000Z\r\n');
    expect(parse(content).event.endDate.toJSDate().toISOString()).toBe('2026-07-10T21:00:00.000Z');
    expect(content).not.toContain('LOCATION');
  });

  it('folds long lines at 75 octets with CRLF, never inside a character', async () => {
    const notes = `${'Grüße aus Dresden, Köln und München; '.repeat(12)}Ende 🎉`;
    const event = await create({ title: `Übergroße Überraschungsparty für Jürgen Weiß ${'ä'.repeat(60)}`, startsAt: '2026-12-04T19:00:00+01:00', notes });
    const { content } = await ics(event.id);
    expect(content.endsWith('\r\n')).toBe(true);
    expect(content.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    const lines = content.slice(0, -2).split('\r\n');
    for (const line of lines) expect(Buffer.byteLength(line)).toBeLessThanOrEqual(75);
    expect(lines.filter((line) => line.startsWith(' ')).length).toBeGreaterThan(5);
    // A fold inside a character (here: inside the emoji's surrogate pair) would not survive UTF-8 encoding.
    for (const line of lines) expect(Buffer.from(line, 'utf8').toString('utf8')).toBe(line);
    const parsed = parse(content).event;
    expect(parsed.summary).toBe(event.title);
    expect(parsed.description.endsWith(notes)).toBe(true);
  });

  it('marks a cancelled event as cancelled, with the reason', async () => {
    const event = await create({ title: 'Homeparty bei Anna', startsAt: '2026-12-04T19:00:00+01:00' });
    await ok('events.cancel', { id: event.id, reason: 'Gastgeberin krank' });
    const { vevent, event: parsed } = parse((await ics(event.id)).content);
    expect(vevent.getFirstPropertyValue('status')).toBe('CANCELLED');
    expect(parsed.description).toBe('Homeparty\nAbgesagt: Gastgeberin krank');
  });

  it('speaks the language of the settings and names files safely', async () => {
    await ok('settings.update', { locale: 'en' });
    const host = await ok<{ id: string }>('contacts.create', { firstName: 'Anna', lastName: 'Müller' });
    const event = await create({ title: 'Party: Anna/Bernd? <3 "Spezial" *', startsAt: '2026-12-04T19:00:00+01:00', hostId: host.id });
    const { fileName, content } = await ics(event.id);
    expect(fileName).toBe('2026-12-04 Party Anna Bernd 3 Spezial.ics');
    expect(parse(content).event.description).toBe('Home party\nHost: Anna Müller');
    expect(parse(content).event.summary).toBe('Party: Anna/Bernd? <3 "Spezial" *');
  });

  it('answers NOT_FOUND for an unknown event', async () => {
    expect(await call('events.ics', { id: 'no-such-event' })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND', message: 'errors.eventNotFound' } });
  });
});
