import { IconUsersGroup } from '@tabler/icons-react';
import { PendingSection } from '../../components/PendingSection';

export const ClubView = () => <PendingSection area="club" icon={IconUsersGroup} next={{ to: '/contacts', label: 'club.toContacts' }} />;
