import { IconCash } from '@tabler/icons-react';
import { PendingSection } from '../../components/PendingSection';

export const FollowupView = () => <PendingSection area="followup" icon={IconCash} next={{ to: '/planning', label: 'common.toPlanning' }} />;
