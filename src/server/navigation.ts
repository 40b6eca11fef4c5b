// The service navigation each role sees.
import type { Role } from './access/roles.ts';

const ITEMS: { href: string; text: string; roles: readonly Role[] }[] = [
  { href: '/my-work', text: 'My work', roles: ['social-worker', 'team-manager', 'cp-chair', 'service-manager'] },
  { href: '/team', text: 'Team', roles: ['team-manager', 'service-manager'] },
  { href: '/front-door/queue', text: 'MASH queue', roles: ['mash-officer', 'team-manager', 'service-manager'] },
  { href: '/front-door/sign-off', text: 'Decisions to sign off', roles: ['team-manager', 'service-manager'] },
  { href: '/front-door/contacts/new', text: 'Record a contact', roles: ['mash-officer'] },
  { href: '/allocation', text: 'Awaiting allocation', roles: ['team-manager', 'service-manager'] },
  { href: '/early-help', text: 'Early help', roles: ['team-manager', 'service-manager', 'social-worker'] },
  { href: '/missing', text: 'Missing children', roles: ['team-manager', 'service-manager'] },
  { href: '/chair', text: 'Conferences and reviews', roles: ['cp-chair', 'service-manager'] },
  { href: '/children/search', text: 'Find a child', roles: ['social-worker', 'team-manager', 'mash-officer', 'cp-chair', 'service-manager'] },
  { href: '/agency/requests', text: 'Requests for information', roles: ['police', 'health', 'education', 'partner'] },
  { href: '/front-door/dashboard', text: 'Front door dashboard', roles: ['team-manager', 'service-manager', 'analyst', 'mash-officer'] },
  { href: '/figures', text: 'Figures', roles: ['analyst', 'service-manager', 'team-manager'] },
  { href: '/admin/users', text: 'Users', roles: ['admin'] },
  { href: '/admin/audit', text: 'Audit log', roles: ['admin'] },
];

export function navigationFor(role: Role, path: string) {
  return ITEMS.filter((i) => i.roles.includes(role)).map((i) => ({ href: i.href, text: i.text, active: path === i.href || path.startsWith(`${i.href}/`) }));
}
