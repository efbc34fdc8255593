// The checks of a 10,000-row changeset on the default storage: PGlite (in memory).
import { openSql } from '../../src/server/sql';
import { bigChangesetSuite } from './bigChangesetSuite';

bigChangesetSuite('PGlite', () => openSql({}));
