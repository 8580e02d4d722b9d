import { describe, expect, it } from 'vitest';
import type { Permission } from '../../common/permissions.ts';
import { parseTokenScopes, tokenPermissions } from './token-scopes.ts';

describe('token scopes', () => {
  const role = new Set<Permission>(['menu.agent', 'ticket.read.all', 'ticket.reply']);

  it('gives an unscoped token everything its owner role allows', () => {
    expect(tokenPermissions(role, null)).toEqual(role);
  });

  it('narrows to the scopes the role still grants', () => {
    expect(tokenPermissions(role, ['ticket.read.all', 'admin.users.manage'])).toEqual(new Set(['ticket.read.all']));
  });

  it('reads null as unscoped and drops names the catalogue no longer knows', () => {
    expect(parseTokenScopes(null)).toBeNull();
    expect(parseTokenScopes('["ticket.reply","ticket.teleport"]')).toEqual(['ticket.reply']);
    expect(parseTokenScopes('[]')).toEqual([]);
  });
});
