// Seeding by copying rows the real API made: a template row read once, then an insert that takes
// the same columns with other values (ids, names, times). Used by the history and members seeds.

/** A prepared `INSERT` with exactly `row`'s columns; call it with a row of the same shape. */
export function insertLike(db, table, row) {
  const columns = Object.keys(row);
  const statement = db.prepare(
    `INSERT INTO "${table}" (${columns.map((c) => `"${c}"`).join(', ')}) VALUES (${columns.map((c) => `@${c}`).join(', ')})`,
  );
  return (values) => statement.run(values);
}
