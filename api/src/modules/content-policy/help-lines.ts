import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { EntityManager, Repository } from 'typeorm';
import type { HelpLine, HelpLineEntry, Locale } from '@tryg/shared';
import { HelpLineEntity } from './entities/help-line.entity';

function toEntry(row: HelpLineEntity): HelpLineEntry {
  return {
    number: row.number,
    name: { da: row.nameDa, en: row.nameEn },
    hours: { da: row.hoursDa, en: row.hoursEn },
    description: { da: row.descriptionDa, en: row.descriptionEn },
  };
}

/**
 * The help lines shown to a writer of crisis wording: an admin-edited list, in both languages.
 * Its defaults are PRODUCT.md's (seeded by the migration); a wrong number harms, so none is made up here.
 */
@Injectable()
export class HelpLines {
  constructor(@InjectRepository(HelpLineEntity) private readonly lines: Repository<HelpLineEntity>) {}

  async list(): Promise<HelpLineEntry[]> {
    return (await this.lines.find({ order: { position: 'ASC' } })).map(toEntry);
  }

  /** In one language, for the send acknowledgement. */
  async inLocale(locale: Locale): Promise<HelpLine[]> {
    return (await this.list()).map((line) => ({
      name: line.name[locale],
      number: line.number,
      hours: line.hours[locale],
      description: line.description[locale],
    }));
  }

  async replaceIn(m: EntityManager, entries: readonly HelpLineEntry[]): Promise<void> {
    await m.createQueryBuilder().delete().from(HelpLineEntity).execute();
    if (entries.length === 0) return;
    await m.insert(
      HelpLineEntity,
      entries.map((line, position) => ({
        id: randomUUID(),
        position,
        number: line.number,
        nameDa: line.name.da,
        nameEn: line.name.en,
        hoursDa: line.hours.da,
        hoursEn: line.hours.en,
        descriptionDa: line.description.da,
        descriptionEn: line.description.en,
      })),
    );
  }
}
