import { act, fireEvent, render, screen } from '@testing-library/react';
import { I18nextProvider } from 'react-i18next';
import en from '../../../lib/i18n/en.json';
import { initI18n } from '../../../lib/i18n/i18n';
import { emptyFormValues, toCreateRequest, type IncidentFormValues } from '../lib/incident-form-values';
import { IncidentForm } from './incident-form';

const i18n = initI18n('en');
const text = en.incidentLog.form;

function setup() {
  const onSubmit = jest.fn<void, [IncidentFormValues]>();
  render(
    <I18nextProvider i18n={i18n}>
      <IncidentForm
        initial={emptyFormValues(new Date('2026-11-20T18:00:00.000Z'))}
        submitLabel={text.save}
        busyLabel={text.saving}
        isBusy={false}
        saveError={null}
        onSubmit={onSubmit}
      />
    </I18nextProvider>,
  );
  const submit = async () => {
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: text.save }));
    });
  };
  return { onSubmit, submit };
}

describe(IncidentForm.name, () => {
  it('refuses to send without the type of contact and what happened, and moves focus to the first problem', async () => {
    const { onSubmit, submit } = setup();
    await submit();
    expect(onSubmit).not.toHaveBeenCalled();
    expect(screen.getByRole('alert').textContent).toBe(text.errors.summary);
    const type = screen.getByRole('combobox', { name: new RegExp(text.how.contactType) });
    expect(type.getAttribute('aria-invalid')).toBe('true');
    expect(document.activeElement).toBe(type);
    expect(screen.getByRole('textbox', { name: new RegExp(text.what.description) }).getAttribute('aria-invalid')).toBe(
      'true',
    );
  });

  it('sends what was typed in each labelled field, private layer included', async () => {
    const { onSubmit, submit } = setup();
    fireEvent.change(screen.getByRole('combobox', { name: new RegExp(text.how.contactType) }), {
      target: { value: 'threat' },
    });
    fireEvent.change(screen.getByRole('textbox', { name: new RegExp(text.what.description) }), {
      target: { value: 'He said "you will regret this".' },
    });
    fireEvent.click(screen.getByRole('radio', { name: text.children.yes }));
    fireEvent.click(screen.getByRole('button', { name: text.evidence.addFirst }));
    // The new item's first field gets focus, so keyboard users can type at once.
    expect(document.activeElement).toBe(screen.getByRole('textbox', { name: text.evidence.description }));
    fireEvent.change(screen.getByRole('textbox', { name: text.evidence.description }), {
      target: { value: 'Voicemail' },
    });
    fireEvent.change(screen.getByRole('textbox', { name: text.evidence.keptWhere }), {
      target: { value: 'On my phone' },
    });
    fireEvent.change(screen.getByRole('textbox', { name: text.private.safetyNotes }), {
      target: { value: 'Sister knows' },
    });
    fireEvent.click(screen.getByRole('checkbox', { name: text.key.label }));
    await submit();
    expect(onSubmit).toHaveBeenCalledTimes(1);
    const request = toCreateRequest(onSubmit.mock.calls[0][0]);
    expect(request).toMatchObject({
      contactType: 'threat',
      description: 'He said "you will regret this".',
      childrenPresent: true,
      evidence: [{ description: 'Voicemail', keptWhere: 'On my phone' }],
      private: { thoughts: null, safetyNotes: 'Sister knows' },
      keyExample: true,
      occurredAt: '2026-11-20T18:00:00.000Z',
    });
  });
});
