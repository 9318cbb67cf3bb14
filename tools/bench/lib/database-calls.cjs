// Preloaded into the API (`node -r`) to count what a send asks of its database, from outside the product, so any
// build can be measured alike (the current one and the "before" one): every statement sent to PostgreSQL (`pg`: one
// query is one round trip), to the embedded SQLite (better-sqlite3: a statement is a call into SQLite on the main
// thread, no round trip) or to the embedded PGlite of older builds (a call into its WebAssembly PostgreSQL). Each
// is put in a category from its SQL text. SIGURG writes the counts since the previous SIGURG as one stdout line
// (`database calls: {json}`) and starts counting afresh.
const Module = require('node:module');

let counts = {};

/** What a statement is for, from the tables and functions it names: the figures per send are reported per category. */
function categoryOf(sql) {
  const text = String(sql);
  const journal = /outbound_(request|step|pending_step|undone)/i.test(text);
  // A journal statement may take or release the pair lock as well (PostgreSQL, see SqlJournal), and a request's first
  // one asks the consent register too: it is one call.
  const consent = journal && /\bconsent_opt_out\b/i.test(text) ? ' + consent' : '';
  if (journal && /pg_advisory_(xact_)?lock/i.test(text)) return /pg_advisory_unlock/i.test(text) ? 'journal + unlock' : `journal + lock${consent}`;
  if (journal) return `journal${consent}`;
  if (/pg_(try_)?advisory_(un)?lock/i.test(text)) return 'lock';
  if (/^\s*(BEGIN|COMMIT|ROLLBACK)/i.test(text)) return 'transaction';
  if (/rate_limit_window/i.test(text)) return 'rate limit';
  if (/\bidempotency_key\b/i.test(text)) return 'idempotency';
  if (/\b(api_key|console_session|console_user)\b/i.test(text)) return 'auth';
  if (/\bconsent_opt_out\b/i.test(text)) return 'consent';
  if (/\bsystem_callback\b/i.test(text)) return 'system callbacks';
  if (/\bmessage_delivery/i.test(text)) return 'delivery';
  if (/\bcampaign(_sender|_recipient)?\b/i.test(text)) return 'campaigns';
  return 'other';
}

/** Statements are a few dozen SQL texts run over and over: each is categorised once, so counting costs a lookup. */
const categories = new Map();

function count(sql) {
  let category = categories.get(sql);
  if (category === undefined) {
    category = categoryOf(sql);
    categories.set(sql, category);
  }
  counts[category] = (counts[category] ?? 0) + 1;
}

const patchers = {
  pg(exports) {
    const query = exports.Client.prototype.query;
    exports.Client.prototype.query = function countedQuery(config, ...rest) {
      count(typeof config === 'string' ? config : config?.text);
      return query.call(this, config, ...rest);
    };
  },
  'better-sqlite3'(Database) {
    const prepare = Database.prototype.prepare;
    Database.prototype.prepare = function countedPrepare(sql, ...rest) {
      const statement = prepare.call(this, sql, ...rest);
      for (const method of ['run', 'all', 'get', 'iterate']) {
        const original = statement[method];
        statement[method] = function countedStatement(...args) {
          count(sql);
          return original.apply(this, args);
        };
      }
      return statement;
    };
    const exec = Database.prototype.exec;
    Database.prototype.exec = function countedExec(sql) {
      count(sql);
      return exec.call(this, sql);
    };
  },
  '@electric-sql/pglite'(exports) {
    for (const method of ['query', 'exec']) {
      const original = exports.PGlite.prototype[method];
      exports.PGlite.prototype[method] = function countedCall(sql, ...rest) {
        count(sql);
        return original.call(this, sql, ...rest);
      };
    }
  },
};

const patched = new Set();
const load = Module._load;
Module._load = function loadAndCount(request, ...rest) {
  const exports = load.call(this, request, ...rest);
  if (patchers[request] && !patched.has(request)) {
    patched.add(request);
    patchers[request](exports);
  }
  return exports;
};

process.on('SIGURG', () => {
  const reported = counts;
  counts = {};
  // The driver waits for this line.
  process.stdout.write(`database calls: ${JSON.stringify(reported)}\n`);
});
