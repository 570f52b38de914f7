import { z } from 'zod';
import { ROLES } from '../domain/roles.ts';

export const RoleSchema = z.enum(ROLES);
