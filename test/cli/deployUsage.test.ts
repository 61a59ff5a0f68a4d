/** `handoff deploy --help` names the phases the deploy runs, from the one list of them. */
import { command } from '../../scripts/commands/deploy';
import { DEPLOY_PHASES } from '../../scripts/org/deployPhases';

test('deploy --help lists every phase in order, and no package directory by a name of its own', () => {
  expect(command.usage).toContain(`  ${DEPLOY_PHASES.map((p) => p.name).join(' → ')}\n`);
  expect(command.usage).not.toMatch(/Deploys force-app/);
});
