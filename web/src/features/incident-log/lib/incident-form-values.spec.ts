import type { IncidentEntry } from '@tryg/shared';
import {
  emptyFormValues,
  formValuesFromEntry,
  newEvidence,
  toCreateRequest,
  toUpdateRequest,
  validateFormValues,
  type IncidentFormValues,
} from './incident-form-values';

const CPH = 'Europe/Copenhagen';
const NOW = new Date('2026-11-20T18:00:00.000Z');

function filled(change: Partial<IncidentFormValues> = {}): IncidentFormValues {
  return {
    ...emptyFormValues(NOW, CPH),
    date: '2026-11-20',
    time: '17:30',
    contactType: 'sms',
    description: '  He wrote: "I can see you."  ',
    ...change,
  };
}

const ENTRY: IncidentEntry = {
  id: '6f1c2d3e-0000-4000-8000-000000000001',
  version: 2,
  recordedAt: '2026-11-21T09:00:00.000Z',
  firstRecordedAt: '2026-11-20T16:45:00.000Z',
  hash: 'ab'.repeat(32),
  // Seconds the form cannot show: an untouched time must not be sent back without them.
  occurredAt: '2026-11-20T16:30:42.000Z',
  occurredAtApprox: true,
  place: 'Outside work',
  contactType: 'showing-up',
  description: 'He stood by my car.',
  witnesses: 'A colleague, 12 34 56 78',
  childrenPresent: false,
  evidence: [{ description: 'Photo of him', keptWhere: 'On my phone' }],
  police: { journalNumber: '3700-12345', officer: null, date: '2026-11-21' },
  effect: 'I took another way home.',
  private: { thoughts: 'I was shaking.', safetyNotes: null },
  keyExample: true,
  attachments: [],
};

describe(emptyFormValues.name, () => {
  it('starts at this moment in Danish time, with every optional field empty', () => {
    const values = emptyFormValues(NOW, CPH);
    expect(values).toMatchObject({ date: '2026-11-20', time: '19:00', approx: false, contactType: '' });
    expect(values.children).toBe('unsaid');
    expect(values.evidence).toEqual([]);
  });
});

describe(validateFormValues.name, () => {
  it('accepts a form with the time, the type and what happened', () => {
    expect(validateFormValues(filled(), NOW, CPH)).toEqual({});
  });

  it('requires the date, the time, the type of contact and what happened', () => {
    const problems = validateFormValues(filled({ date: '', time: '', contactType: '', description: '   ' }), NOW, CPH);
    expect(problems).toEqual({
      date: { kind: 'required' },
      time: { kind: 'required' },
      contactType: { kind: 'required' },
      description: { kind: 'required' },
    });
  });

  it('refuses a time more than a day ahead, but forgives a slip of a few hours', () => {
    expect(validateFormValues(filled({ date: '2026-11-21', time: '22:00' }), NOW, CPH)).toEqual({
      date: { kind: 'future' },
    });
    expect(validateFormValues(filled({ date: '2026-11-21', time: '12:00' }), NOW, CPH)).toEqual({});
  });

  it('names texts over the limit with the limit', () => {
    expect(validateFormValues(filled({ place: 'x'.repeat(501) }), NOW, CPH)).toEqual({
      place: { kind: 'tooLong', max: 500 },
    });
  });

  it('needs both halves of an evidence item, and drops an item left empty', () => {
    const values = filled({
      evidence: [newEvidence('Screenshot', ''), newEvidence('', ''), newEvidence('', 'In a drawer')],
    });
    expect(validateFormValues(values, NOW, CPH)).toEqual({
      'evidence.0.keptWhere': { kind: 'required' },
      'evidence.2.description': { kind: 'required' },
    });
  });

  it('checks the police date only when given', () => {
    expect(validateFormValues(filled({ policeDate: '2026-13-01' }), NOW, CPH)).toEqual({
      policeDate: { kind: 'invalidDate' },
    });
  });
});

describe(toCreateRequest.name, () => {
  it('sends the required fields, trimmed, with the time as a UTC instant', () => {
    expect(toCreateRequest(filled(), CPH)).toEqual({
      occurredAt: '2026-11-20T16:30:00.000Z',
      occurredAtApprox: false,
      contactType: 'sms',
      description: 'He wrote: "I can see you."',
      keyExample: false,
    });
  });

  it('maps every part of the logskema, leaving out empty evidence rows and empty groups', () => {
    const request = toCreateRequest(
      filled({
        approx: true,
        place: ' By the school ',
        witnesses: 'My neighbour',
        children: 'yes',
        evidence: [newEvidence(' Screenshot ', ' Phone '), newEvidence('', '')],
        journalNumber: '',
        officer: ' Officer Hansen ',
        policeDate: '2026-11-21',
        effect: 'Scared',
        thoughts: '',
        safetyNotes: 'Call my sister',
        keyExample: true,
      }),
      CPH,
    );
    expect(request).toEqual({
      occurredAt: '2026-11-20T16:30:00.000Z',
      occurredAtApprox: true,
      contactType: 'sms',
      description: 'He wrote: "I can see you."',
      keyExample: true,
      place: 'By the school',
      witnesses: 'My neighbour',
      childrenPresent: true,
      evidence: [{ description: 'Screenshot', keptWhere: 'Phone' }],
      police: { journalNumber: null, officer: 'Officer Hansen', date: '2026-11-21' },
      effect: 'Scared',
      private: { thoughts: null, safetyNotes: 'Call my sister' },
    });
  });

  it('sends no private layer and no police report when nothing was written in them', () => {
    const request = toCreateRequest(filled({ children: 'no' }), CPH);
    expect(request).not.toHaveProperty('private');
    expect(request).not.toHaveProperty('police');
    expect(request.childrenPresent).toBe(false);
  });
});

describe(toUpdateRequest.name, () => {
  it('reads an entry back into the form in Danish time', () => {
    const values = formValuesFromEntry(ENTRY, CPH);
    expect(values).toMatchObject({
      date: '2026-11-20',
      time: '17:30',
      approx: true,
      children: 'no',
      journalNumber: '3700-12345',
      officer: '',
      policeDate: '2026-11-21',
      thoughts: 'I was shaking.',
      keyExample: true,
    });
    expect(values.evidence.map(({ description, keptWhere }) => ({ description, keptWhere }))).toEqual(ENTRY.evidence);
  });

  it('sends nothing when nothing changed (so no new version is made)', () => {
    const initial = formValuesFromEntry(ENTRY, CPH);
    expect(toUpdateRequest({ ...initial, description: `${initial.description}  ` }, initial, CPH)).toEqual({});
  });

  it('sends only what changed; an emptied field is cleared with null', () => {
    const initial = formValuesFromEntry(ENTRY, CPH);
    const request = toUpdateRequest(
      { ...initial, place: '', children: 'unsaid', thoughts: '', officer: 'Hansen', keyExample: false },
      initial,
      CPH,
    );
    expect(request).toEqual({
      place: null,
      childrenPresent: null,
      police: { journalNumber: '3700-12345', officer: 'Hansen', date: '2026-11-21' },
      private: null,
      keyExample: false,
    });
  });

  it('sends the time only when the date or time was changed', () => {
    const initial = formValuesFromEntry(ENTRY, CPH);
    expect(toUpdateRequest({ ...initial, time: '17:45' }, initial, CPH)).toEqual({
      occurredAt: '2026-11-20T16:45:00.000Z',
    });
    expect(toUpdateRequest({ ...initial, approx: false }, initial, CPH)).toEqual({ occurredAtApprox: false });
  });

  it('sends the whole evidence list when an item is removed', () => {
    const initial = formValuesFromEntry(ENTRY, CPH);
    expect(toUpdateRequest({ ...initial, evidence: [] }, initial, CPH)).toEqual({ evidence: [] });
  });
});
