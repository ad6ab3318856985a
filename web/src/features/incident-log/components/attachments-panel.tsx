import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { IncidentAttachmentType, IncidentEntry } from '@tryg/shared';
import { Button } from '../../../components/ui/button';
import { Notice } from '../../../components/ui/notice';
import { Panel } from '../../../components/ui/panel';
import { ApiError } from '../../../lib/api-client';
import { currentLocale } from '../../../lib/i18n/i18n';
import { errorMessage } from '../../../lib/i18n/error-message';
import { useDownloadAttachment } from '../api/download-attachment';
import { useUploadAttachment } from '../api/upload-attachment';
import { ATTACHMENT_ACCEPT, attachmentProblem, fileSizeParts, type AttachmentProblem } from '../lib/attachment-rules';
import { formatNumber } from '../lib/log-format';

const FILE_KIND: Record<IncidentAttachmentType, 'jpeg' | 'png' | 'gif' | 'webp' | 'heic' | 'pdf'> = {
  'image/jpeg': 'jpeg',
  'image/png': 'png',
  'image/gif': 'gif',
  'image/webp': 'webp',
  'image/heic': 'heic',
  'application/pdf': 'pdf',
};

function problemOfUpload(error: unknown): AttachmentProblem | null {
  if (!(error instanceof ApiError)) return null;
  if (error.code === 'UNSUPPORTED_MEDIA_TYPE') return 'wrongType';
  if (error.code === 'PAYLOAD_TOO_LARGE') return 'tooLarge';
  return null;
}

/** Photos, screenshots and PDFs kept with the entry as numbered bilag (encrypted on the server). */
export function AttachmentsPanel({ entry }: { entry: IncidentEntry }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const inputId = useId();
  const hintId = `${inputId}-hint`;
  const errorId = `${inputId}-error`;
  const [file, setFile] = useState<File | null>(null);
  // A new key empties the native file input after an upload.
  const [inputKey, setInputKey] = useState(0);
  const upload = useUploadAttachment();
  const download = useDownloadAttachment();
  const localProblem = file ? attachmentProblem(file) : null;
  const uploadProblem = problemOfUpload(upload.error);
  const problem = localProblem ?? uploadProblem;
  const problemText = problem ? t(`incidentLog.attachments.problems.${problem}`) : null;
  const otherError = upload.error && !uploadProblem ? errorMessage(t, upload.error) : null;

  return (
    <Panel title={t('incidentLog.attachments.title')}>
      <p>{t('incidentLog.attachments.intro')}</p>
      {entry.attachments.length === 0 ? <p className="muted">{t('incidentLog.attachments.none')}</p> : null}
      {entry.attachments.length > 0 ? (
        <ul className="log-attachments" aria-label={t('incidentLog.attachments.listLabel')}>
          {entry.attachments.map((attachment) => {
            const size = fileSizeParts(attachment.size);
            return (
              <li key={attachment.id} className="log-attachment">
                <span className="log-evidence-name">
                  {t('incidentLog.attachments.bilag', { number: attachment.bilag })}
                </span>
                <span className="muted">
                  {t('incidentLog.attachments.description', {
                    kind: t(`incidentLog.attachments.kinds.${FILE_KIND[attachment.mimeType]}`),
                    size: formatNumber(size.value, locale),
                    unit: size.unit,
                  })}
                </span>
                <Button
                  variant="secondary"
                  isBusy={download.isPending && download.variables?.attachmentId === attachment.id}
                  onPress={() =>
                    download.mutate({ entryId: entry.id, attachmentId: attachment.id, bilag: attachment.bilag })
                  }
                >
                  {t('incidentLog.attachments.download', { number: attachment.bilag })}
                </Button>
              </li>
            );
          })}
        </ul>
      ) : null}
      {download.isError ? <Notice tone="error">{errorMessage(t, download.error)}</Notice> : null}

      <form
        className="form log-upload"
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          if (!file || localProblem || upload.isPending) return;
          upload.mutate(
            { entryId: entry.id, file },
            {
              onSuccess: () => {
                setFile(null);
                setInputKey((n) => n + 1);
              },
            },
          );
        }}
      >
        {upload.isSuccess && !file ? (
          <Notice tone="success">{t('incidentLog.attachments.added', { number: upload.data.bilag })}</Notice>
        ) : null}
        {otherError ? <Notice tone="error">{otherError}</Notice> : null}
        <div className="field">
          <label className="field-label" htmlFor={inputId}>
            {t('incidentLog.attachments.choose')}
          </label>
          <p id={hintId} className="field-description">
            {t('incidentLog.attachments.hint')}
          </p>
          <input
            key={inputKey}
            id={inputId}
            className="field-input log-file-input"
            type="file"
            name="file"
            accept={ATTACHMENT_ACCEPT}
            aria-describedby={problemText ? `${hintId} ${errorId}` : hintId}
            aria-invalid={problemText ? true : undefined}
            onChange={(event) => {
              upload.reset();
              setFile(event.target.files?.[0] ?? null);
            }}
          />
          {problemText ? (
            <p id={errorId} className="field-error" role="alert">
              {problemText}
            </p>
          ) : null}
        </div>
        <Button type="submit" variant="secondary" isDisabled={!file || Boolean(localProblem)} isBusy={upload.isPending}>
          {upload.isPending ? t('incidentLog.attachments.uploading') : t('incidentLog.attachments.upload')}
        </Button>
      </form>
    </Panel>
  );
}
