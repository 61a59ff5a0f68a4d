// Jest setup for the LWC tests: the sa11y `toBeAccessible` matcher (axe-core rules Salesforce uses).
import { registerSa11yMatcher } from '@sa11y/jest';

registerSa11yMatcher();
