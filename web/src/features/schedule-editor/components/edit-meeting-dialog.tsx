import { useState } from 'react';
import { Dialog, DialogTrigger, Heading, Modal, ModalOverlay } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import type { EditScope, Group, Meeting, UpdateMeetingDto } from '@tryg/shared';
import { Button } from '../../../components/ui/button';
import { Notice } from '../../../components/ui/notice';
import { OverlayExtras } from '../../../components/ui/overlay-extras';
import { errorMessage } from '../../../lib/i18n/error-message';
import { toLocalDateTime } from '../../../lib/zoned-time';
import { useUpdateMeeting } from '../api/update-meeting';
import {
  cancelBody,
  checkMoveForm,
  type MoveField,
  type MoveFormValues,
  restoreBody,
  scopeChoices,
} from '../meeting-edit';
import type { Problem } from '../schedule-form';
import { ChoiceField, InputField, useProblemText } from './form-fields';
import { DateField, TimeField } from '../../../components/ui/date-time-fields';

export type EditKind = 'move' | 'cancel' | 'restore';
export type DoneKind = 'moved' | 'cancelled' | 'restored';

const DONE: Record<EditKind, DoneKind> = { move: 'moved', cancel: 'cancelled', restore: 'restored' };

interface EditMeetingProps {
  kind: EditKind;
  meeting: Meeting;
  group: Group;
  /** The meeting's time as the list shows it. */
  when: string;
  onDone: (done: DoneKind) => void;
}

/** A button that opens the dialog for moving, cancelling or restoring one meeting. */
export function EditMeetingDialog(props: EditMeetingProps) {
  const { t } = useTranslation();
  const trigger = {
    move: {
      text: t('scheduling.schedule.upcoming.move'),
      label: t('scheduling.schedule.upcoming.moveLabel', { time: props.when }),
    },
    cancel: {
      text: t('scheduling.schedule.upcoming.cancel'),
      label: t('scheduling.schedule.upcoming.cancelLabel', { time: props.when }),
    },
    restore: {
      text: t('scheduling.schedule.upcoming.restore'),
      label: t('scheduling.schedule.upcoming.restoreLabel', { time: props.when }),
    },
  }[props.kind];
  return (
    <DialogTrigger>
      <Button variant="secondary" aria-label={trigger.label}>
        {trigger.text}
      </Button>
      <ModalOverlay className="modal-overlay" isDismissable>
        <Modal className="modal">
          {/* Inside the modal: everything outside it is made inert while it is open. */}
          <OverlayExtras />
          <Dialog className="dialog" role={props.kind === 'move' ? 'dialog' : 'alertdialog'}>
            {({ close }) => <EditMeetingForm {...props} close={close} />}
          </Dialog>
        </Modal>
      </ModalOverlay>
    </DialogTrigger>
  );
}

function EditMeetingForm({ kind, meeting, group, when, onDone, close }: EditMeetingProps & { close: () => void }) {
  const { t } = useTranslation();
  const problemText = useProblemText();
  const mutation = useUpdateMeeting(group.id);
  const choices = scopeChoices(meeting);
  const [scope, setScope] = useState<EditScope>('this');
  const local = toLocalDateTime(meeting.startsAt, group.timezone);
  const [values, setValues] = useState<MoveFormValues>({
    date: local.date,
    time: local.time,
    durationMinutes: String(meeting.durationMinutes),
  });
  const [problems, setProblems] = useState<Partial<Record<MoveField, Problem>>>({});
  const set = (field: MoveField) => (value: string) => setValues((current) => ({ ...current, [field]: value }));

  const text = {
    move: {
      title: t('scheduling.schedule.moveDialog.title'),
      text: t('scheduling.schedule.moveDialog.text', { time: when }),
    },
    cancel: {
      title: t('scheduling.schedule.cancelDialog.title'),
      text: t('scheduling.schedule.cancelDialog.text', { time: when }),
    },
    restore: {
      title: t('scheduling.schedule.restoreDialog.title'),
      text: t('scheduling.schedule.restoreDialog.text', { time: when }),
    },
  }[kind];
  const confirmLabel = {
    move: t('scheduling.schedule.moveDialog.confirm'),
    cancel: t('scheduling.schedule.cancelDialog.confirm'),
    restore: t('scheduling.schedule.restoreDialog.confirm'),
  }[kind];

  const submit = () => {
    if (mutation.isPending) return;
    let body: UpdateMeetingDto;
    if (kind === 'move') {
      const checked = checkMoveForm(values, meeting, scope, group.timezone, new Date());
      if (!checked.ok) {
        setProblems(checked.problems);
        return;
      }
      setProblems({});
      body = checked.body;
    } else {
      body = kind === 'cancel' ? cancelBody(meeting, scope) : restoreBody(meeting, scope);
    }
    mutation.mutate(
      { meetingId: meeting.id, body },
      {
        onSuccess: () => {
          onDone(DONE[kind]);
          close();
        },
      },
    );
  };

  return (
    <form
      className="form"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        submit();
      }}
    >
      <Heading slot="title" level={2}>
        {text.title}
      </Heading>
      <p>{text.text}</p>
      {mutation.isError ? <Notice tone="error">{errorMessage(t, mutation.error)}</Notice> : null}
      {choices.length > 1 ? (
        <ChoiceField
          legend={t('scheduling.schedule.scope.legend')}
          name="scope"
          value={scope}
          onChange={setScope}
          options={[
            {
              value: 'this',
              label: t('scheduling.schedule.scope.this'),
              hint: t('scheduling.schedule.scope.thisHint'),
            },
            {
              value: 'following',
              label: t('scheduling.schedule.scope.following'),
              hint: t('scheduling.schedule.scope.followingHint'),
            },
          ]}
        />
      ) : null}
      {kind === 'move' ? (
        <>
          <DateField
            label={t('scheduling.schedule.moveDialog.date')}
            name="date"
            value={values.date}
            onChange={set('date')}
            error={problemText(problems.date)}
            isRequired
          />
          <TimeField
            label={t('scheduling.schedule.fields.time')}
            name="time"
            value={values.time}
            onChange={set('time')}
            error={problemText(problems.time)}
            isRequired
          />
          <InputField
            label={t('scheduling.schedule.fields.duration')}
            name="durationMinutes"
            numeric
            value={values.durationMinutes}
            onChange={set('durationMinutes')}
            error={problemText(problems.durationMinutes)}
            isRequired
          />
          {scope === 'following' ? <p className="muted">{t('scheduling.schedule.moveDialog.followingNote')}</p> : null}
        </>
      ) : null}
      <div className="actions">
        <Button variant="secondary" onPress={close} autoFocus={kind !== 'move'}>
          {kind === 'cancel' ? t('scheduling.schedule.cancelDialog.keep') : t('common.cancel')}
        </Button>
        <Button type="submit" isBusy={mutation.isPending}>
          {mutation.isPending ? t('scheduling.schedule.submitting') : confirmLabel}
        </Button>
      </div>
    </form>
  );
}
