import "server-only";
import type pg from "pg";
import { parameterSql, toParameter, type EncodedColumn } from "./encode";
import { quoteIdent, type TBackupRow, type TBackupTable } from "./format";
import type { DbTable } from "./introspect";

/** PostgreSQL takes at most 65535 parameters a statement. */
const MAX_PARAMS = 65_535;

interface Target {
  name: string;
  columns: EncodedColumn[];
  rowsPerBatch: number;
  statement: string;
  fullBatchSql: string;
}

function insertSql(table: string, columns: EncodedColumn[], rows: number): string {
  const n = columns.length;
  const values = Array.from({ length: rows }, (_, r) => `(${columns.map((col, c) => parameterSql(col, r * n + c + 1, c)).join(", ")})`);
  return `INSERT INTO ${quoteIdent(table)} (${columns.map((c) => quoteIdent(c.name)).join(", ")}) OVERRIDING SYSTEM VALUE VALUES ${values.join(", ")}`;
}

/**
 * Buffers rows of one table at a time and writes them with multi-row parameterised INSERTs
 * (full batches as a prepared statement). Call `flush()` after the last row.
 */
export class RowInserter {
  private current: Target | null = null;
  private params: unknown[] = [];
  private rows = 0;
  readonly counts: Record<string, number> = {};
  private readonly targets = new Map<string, Target>();
  private readonly tables: Map<string, DbTable>;

  constructor(
    private readonly client: pg.ClientBase,
    tables: DbTable[],
    private readonly onTableDone: (table: string, rows: number) => void = () => {},
    private readonly batchRows = 1000,
  ) {
    this.tables = new Map(tables.map((t) => [t.name, t]));
  }

  private targetFor(bt: TBackupTable): Target {
    const existing = this.targets.get(bt.name);
    if (existing) return existing;
    const t = this.tables.get(bt.name);
    if (!t) throw new Error(`table ${bt.name} is not in the target`);
    const columns = bt.columns.map((c) => {
      const col = t.columns.find((x) => x.name === c.name);
      if (!col) throw new Error(`column ${bt.name}.${c.name} is not in the target`);
      return col;
    });
    const rowsPerBatch = Math.max(1, Math.min(this.batchRows, Math.floor(MAX_PARAMS / columns.length)));
    const target = { name: bt.name, columns, rowsPerBatch, statement: `lgrestore_${this.targets.size}`, fullBatchSql: insertSql(bt.name, columns, rowsPerBatch) };
    this.targets.set(bt.name, target);
    return target;
  }

  async add(bt: TBackupTable, row: TBackupRow, rawLine: string): Promise<void> {
    if (this.current?.name !== bt.name) {
      await this.finishTable();
      this.current = this.targetFor(bt);
      this.counts[bt.name] = 0;
    }
    const jn = row.jn;
    const { columns } = this.current;
    for (let i = 0; i < columns.length; i++) this.params.push(toParameter(columns[i].kind, row.r[i], jn !== undefined && jn.includes(i), rawLine));
    this.rows++;
    if (this.rows === this.current.rowsPerBatch) await this.write();
  }

  async flush(): Promise<void> {
    await this.finishTable();
  }

  private async finishTable(): Promise<void> {
    if (!this.current) return;
    await this.write();
    this.onTableDone(this.current.name, this.counts[this.current.name]);
    this.current = null;
  }

  private async write(): Promise<void> {
    const t = this.current;
    if (!t || this.rows === 0) return;
    if (this.rows === t.rowsPerBatch) {
      await this.client.query({ name: t.statement, text: t.fullBatchSql, values: this.params });
    } else {
      await this.client.query(insertSql(t.name, t.columns, this.rows), this.params);
    }
    this.counts[t.name] += this.rows;
    this.params = [];
    this.rows = 0;
  }
}
