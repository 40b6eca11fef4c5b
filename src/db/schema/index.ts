// The whole data model. Every table but sessions and local_authorities carries local_authority_id.
export * from './system.ts';
export * from './people.ts';
export * from './organisation.ts';
export * from './front-door.ts';
export * from './cin.ts';
export * from './protection.ts';
export * from './care.ts';
export * from './leaving-care.ts';
export * from './permanence.ts';
export * from './oversight.ts';
