// The demonstration sign-ins the synthetic council comes with: one per role, all sharing the demo
// password. Usernames are the role names so a demonstrator can guess them.
import type { Role } from '../server/access/roles.ts';

export interface DemoAccount {
  username: Role;
  role: Role;
  displayName: string;
  /** What the account is linked to in the synthetic council, for the start-up banner. */
  description: string;
}

export const DEMO_ACCOUNTS: readonly DemoAccount[] = [
  { username: 'social-worker', role: 'social-worker', displayName: 'Demo Social Worker', description: 'a case-holding social worker with a full caseload, some of it overdue' },
  { username: 'team-manager', role: 'team-manager', displayName: 'Demo Team Manager', description: 'manager of the social worker’s team' },
  { username: 'mash-officer', role: 'mash-officer', displayName: 'Demo MASH Officer', description: 'a MASH worker: open contacts awaiting decision' },
  { username: 'police', role: 'police', displayName: 'Demo Police Officer', description: 'the police force: MASH information requests, some open' },
  { username: 'health', role: 'health', displayName: 'Demo Health Practitioner', description: 'the community health trust: MASH information requests' },
  { username: 'education', role: 'education', displayName: 'Demo Education Officer', description: 'the education safeguarding team: MASH information requests' },
  { username: 'cp-chair', role: 'cp-chair', displayName: 'Demo CP Chair', description: 'a child protection chair with conferences due' },
  { username: 'analyst', role: 'analyst', displayName: 'Demo Analyst', description: 'performance figures and returns' },
  { username: 'service-manager', role: 'service-manager', displayName: 'Demo Service Manager', description: 'a service manager: teams and oversight' },
  { username: 'admin', role: 'admin', displayName: 'Demo Administrator', description: 'user administration' },
  { username: 'partner', role: 'partner', displayName: 'Demo Probation Officer', description: 'another partner agency (probation): MASH information requests' },
];
