import { IconDoorEnter } from '@tabler/icons-react';
import { PendingSection } from '../../components/PendingSection';

export const CheckinView = () => <PendingSection area="checkin" icon={IconDoorEnter} next={{ to: '/planning', label: 'common.toPlanning' }} />;
