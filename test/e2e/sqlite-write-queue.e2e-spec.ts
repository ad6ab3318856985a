import { randomUUID } from 'node:crypto';
import { Body, Controller, HttpCode, Module, Post, type DynamicModule } from '@nestjs/common';
import { ApiOperation } from '@nestjs/swagger';
import { TypeOrmModule } from '@nestjs/typeorm';
import { IsInt, IsString, Length, Max, Min } from 'class-validator';
import { Column, Entity, PrimaryColumn } from 'typeorm';
import { DomainError } from '../../api/src/common/domain-error';
import { Public } from '../../api/src/common/request-auth';
import { WriteQueue } from '../../api/src/common/write-queue';
import { Client, startTestApp, type TestApp } from '../support/test-app';

/*
 * The SQLite concurrency promise, proved through the real AppModule and HTTP pipeline: TypeORM
 * shares one SQLite connection, so without the write queue a plain write made while another
 * request's transaction is open joins that transaction and vanishes when it rolls back.
 * The routes below exist only in this suite (a test module wraps AppModule).
 */

@Entity('probe_rows')
class ProbeRowEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 }) id: string;
  @Column({ type: 'varchar', length: 64 }) label: string;
}

class ProbeRowDto {
  @IsString() @Length(1, 64) label!: string;
}

class FailingWriteDto {
  @IsString() @Length(1, 64) label!: string;
  @IsInt() @Min(0) @Max(1000) holdMs!: number;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Lets the test wait until the failing transaction has written its row and is holding it open. */
class Signal {
  private resolveFn: () => void = () => undefined;
  promise: Promise<void> = Promise.resolve();
  arm(): void {
    this.promise = new Promise((resolve) => (this.resolveFn = resolve));
  }
  fire(): void {
    this.resolveFn();
  }
}
const failingTransactionOpen = new Signal();

@Controller('test/write-probe')
class WriteProbeController {
  constructor(private readonly writes: WriteQueue) {}

  @Post('rows')
  @Public()
  @ApiOperation({ summary: 'Test only: insert one row through the write queue' })
  async add(@Body() dto: ProbeRowDto): Promise<{ id: string }> {
    const id = randomUUID();
    await this.writes.run((m) => m.insert(ProbeRowEntity, { id, label: dto.label }));
    return { id };
  }

  @Post('failing')
  @Public()
  @HttpCode(200)
  @ApiOperation({ summary: 'Test only: a transaction that writes a row, holds it open, then throws' })
  async failing(@Body() dto: FailingWriteDto): Promise<never> {
    return this.writes.run(async (m) => {
      await m.insert(ProbeRowEntity, { id: randomUUID(), label: dto.label });
      failingTransactionOpen.fire();
      await sleep(dto.holdMs);
      throw new DomainError('CONFLICT', 'Deliberate failure after a write.');
    });
  }
}

@Module({ imports: [TypeOrmModule.forFeature([ProbeRowEntity])], controllers: [WriteProbeController] })
class WriteProbeModule {}

function withProbe(appModule: DynamicModule): DynamicModule {
  return { module: class WriteProbeTestModule {}, imports: [appModule, WriteProbeModule] };
}

describe('SQLite writes through the real AppModule', () => {
  let app: TestApp;
  const labels = async (): Promise<string[]> =>
    ((await app.dataSource.query('SELECT label FROM probe_rows ORDER BY label')) as { label: string }[]).map(
      (r) => r.label,
    );

  beforeAll(async () => {
    app = await startTestApp({ wrap: withProbe });
    // The test's own table; production migrations know nothing of it.
    await app.dataSource.query(
      'CREATE TABLE probe_rows (id varchar(36) PRIMARY KEY NOT NULL, label varchar(64) NOT NULL)',
    );
  });
  afterAll(() => app.close());
  beforeEach(async () => {
    await app.dataSource.query('DELETE FROM probe_rows');
    failingTransactionOpen.arm();
  });

  it('keeps all 50 concurrent HTTP writes while a transaction that wrote a row throws alongside, and drops only that row', async () => {
    const client = new Client(app.url);
    const failing = client.post('/test/write-probe/failing', { label: 'failed-row', holdMs: 40 }).then((res) => res);
    await failingTransactionOpen.promise; // its row is written and its transaction is open now
    const writes = Array.from({ length: 50 }, (_, i) =>
      new Client(app.url)
        .post('/test/write-probe/rows', { label: `row-${String(i).padStart(2, '0')}` })
        .then((res) => res),
    );
    const [failed, ...written] = await Promise.all([failing, ...writes]);

    expect(failed.status).toBe(409);
    expect(written.map((res) => res.status)).toEqual(Array(50).fill(201));
    const stored = await labels();
    expect(stored).toHaveLength(50);
    expect(stored).toEqual(Array.from({ length: 50 }, (_, i) => `row-${String(i).padStart(2, '0')}`));
    expect(stored).not.toContain('failed-row');
    // The server is fine afterwards.
    expect((await new Client(app.url).agent.get('/api/health')).status).toBe(200);
  });

  it('keeps writes that interleave with several failing transactions in one burst', async () => {
    const requests = Array.from({ length: 60 }, (_, i) =>
      i % 10 === 5
        ? new Client(app.url).post('/test/write-probe/failing', { label: `failed-${i}`, holdMs: 5 }).then((res) => res)
        : new Client(app.url)
            .post('/test/write-probe/rows', { label: `ok-${String(i).padStart(2, '0')}` })
            .then((res) => res),
    );
    const answers = await Promise.all(requests);
    expect(answers.filter((res) => res.status === 409)).toHaveLength(6);
    expect(answers.filter((res) => res.status === 201)).toHaveLength(54);
    const stored = await labels();
    expect(stored).toHaveLength(54);
    expect(stored.some((label) => label.startsWith('failed-'))).toBe(false);
  });

  it('shows the failure mode is real: without the queue, a plain write during a failing transaction is silently lost', async () => {
    const { dataSource } = app;
    const failing = dataSource
      .transaction(async (m) => {
        await m.insert(ProbeRowEntity, { id: randomUUID(), label: 'failed-row' });
        failingTransactionOpen.fire();
        await sleep(30);
        throw new Error('deliberate');
      })
      .then(
        () => 'committed',
        () => 'rolled back',
      );
    await failingTransactionOpen.promise;
    // Plain inserts from "other requests", each reported as a success to its caller.
    const plain = await Promise.allSettled(
      Array.from({ length: 10 }, (_, i) =>
        dataSource.manager.insert(ProbeRowEntity, { id: randomUUID(), label: `plain-${i}` }),
      ),
    );
    expect(await failing).toBe('rolled back');
    expect(plain.every((p) => p.status === 'fulfilled')).toBe(true);
    // ...yet gone: they joined the other transaction on the shared connection and were rolled back with it.
    expect(await labels()).toEqual([]);
  });

  it('sets the SQLite pragmas: WAL, synchronous=FULL, secure_delete, a busy timeout', async () => {
    const pragma = async (name: string) =>
      Object.values((await app.dataSource.query(`PRAGMA ${name}`))[0] as object)[0];
    expect(await pragma('journal_mode')).toBe('wal');
    expect(await pragma('synchronous')).toBe(2);
    expect(await pragma('secure_delete')).toBe(1);
    expect(await pragma('busy_timeout')).toBeGreaterThan(0);
  });
});
