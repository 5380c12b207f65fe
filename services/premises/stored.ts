export { strip, type Stored } from '../../kernel/stored.ts';
