import { useTranslation } from 'react-i18next';
import { Button } from '../../../components/ui/button';
import { useIgnored, useReplaceIgnored } from '../api/ignored-members';
import { setIgnored } from '../safety-rules';
import type { SafetyTarget } from './knows-member-dialog';

/** Hide a member's messages for me only, or show them again; the other member is never told. */
export function IgnoreButton({ groupId, member }: { groupId: string; member: SafetyTarget }) {
  const { t } = useTranslation();
  const ignored = useIgnored(groupId);
  const replace = useReplaceIgnored(groupId);
  const list = ignored.data?.memberIds ?? [];
  const hidden = list.includes(member.memberId);
  const name = member.displayName;
  return (
    <Button
      variant="quiet"
      isDisabled={!ignored.isSuccess}
      isBusy={replace.isPending}
      aria-pressed={hidden}
      aria-label={
        hidden ? t('moderation.member.unignoreLabel', { name }) : t('moderation.member.ignoreLabel', { name })
      }
      onPress={() => {
        if (!replace.isPending) replace.mutate(setIgnored(list, member.memberId, !hidden));
      }}
    >
      {hidden ? t('moderation.member.unignore') : t('moderation.member.ignore')}
    </Button>
  );
}
