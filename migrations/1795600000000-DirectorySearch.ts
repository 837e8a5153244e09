import type { MigrationInterface, QueryRunner } from 'typeorm';

/*
 * Directory search: a STORED generated column `search_text` on users and organisations (kept
 * current by PostgreSQL whoever changes the row, e.g. an erasure) with a pg_trgm GIN index for
 * partial matches. `search_fold` must stay in step with foldSearchText in
 * apps/api/src/common/text/search-text.ts (an integration test compares both): lower case,
 * ä → ae, ö → oe, ü → ue, ß → ss, other diacritics stripped; when the German spelling differs
 * from the plain-vowel one ("mueller" / "muller"), both are kept.
 */
const FROM =
  'ÀÁÂÃÄÅÇÈÉÊËÌÍÎÏÑÒÓÔÕÖØÙÚÛÜÝàáâãäåçèéêëìíîïñòóôõöøùúûüýÿĀāĂăĄąĆćĈĉĊċČčĎďĐđĒēĔĕĖėĘęĚěĜĝĞğĠġĢģĤĥĦħĨĩĪīĬĭĮįİıĴĵĶķĹĺĻļĽľŁłŃńŅņŇňŌōŎŏŐőŔŕŖŗŘřŚśŜŝŞşŠšŢţŤťŦŧŨũŪūŬŭŮůŰűŲųŴŵŶŷŸŹźŻżŽžſƀƗƠơƯưǍǎǏǐǑǒǓǔǕǖǗǘǙǚǛǜǞǟǠǡǦǧǨǩǪǫǬǭǰǴǵǸǹǺǻǾǿȀȁȂȃȄȅȆȇȈȉȊȋȌȍȎȏȐȑȒȓȔȕȖȗȘșȚțȞȟȦȧȨȩȪȫȬȭȮȯȰȱȲȳɃɄḀḁḂḃḄḅḆḇḈḉḊḋḌḍḎḏḐḑḒḓḔḕḖḗḘḙḚḛḜḝḞḟḠḡḢḣḤḥḦḧḨḩḪḫḬḭḮḯḰḱḲḳḴḵḶḷḸḹḺḻḼḽḾḿṀṁṂṃṄṅṆṇṈṉṊṋṌṍṎṏṐṑṒṓṔṕṖṗṘṙṚṛṜṝṞṟṠṡṢṣṤṥṦṧṨṩṪṫṬṭṮṯṰṱṲṳṴṵṶṷṸṹṺṻṼṽṾṿẀẁẂẃẄẅẆẇẈẉẊẋẌẍẎẏẐẑẒẓẔẕẖẗẘẙẛẠạẢảẤấẦầẨẩẪẫẬậẮắẰằẲẳẴẵẶặẸẹẺẻẼẽẾếỀềỂểỄễỆệỈỉỊịỌọỎỏỐốỒồỔổỖỗỘộỚớỜờỞởỠỡỢợỤụỦủỨứỪừỬửỮữỰựỲỳỴỵỶỷỸỹ';
const TO =
  'aaaaaaceeeeiiiinoooooouuuuyaaaaaaceeeeiiiinoooooouuuuyyaaaaaaccccccccddddeeeeeeeeeegggggggghhhhiiiiiiiiiijjkkllllllllnnnnnnoooooorrrrrrssssssssttttttuuuuuuuuuuuuwwyyyzzzzzzsbioouuaaiioouuuuuuuuuuaaaaggkkoooojggnnaaooaaaaeeeeiiiioooorrrruuuusstthhaaeeooooooooyybuaabbbbbbccddddddddddeeeeeeeeeeffgghhhhhhhhhhiiiikkkkkkllllllllmmmmmmnnnnnnnnoooooooopppprrrrrrrrssssssssssttttttttuuuuuuuuuuvvvvwwwwwwwwwwxxxxyyzzzzzzhtwysaaaaaaaaaaaaaaaaaaaaaaaaeeeeeeeeeeeeeeeeiiiioooooooooooooooooooooooouuuuuuuuuuuuuuyyyyyyyy';

const USERS_EXPRESSION = 'search_fold(ARRAY["display_name"::text, "handle"::text] || "languages" || "expertise")';
const ORGANISATIONS_EXPRESSION = 'search_fold(ARRAY["name"::text, "city"::text, "description"])';

export class DirectorySearch1795600000000 implements MigrationInterface {
  name = 'DirectorySearch1795600000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    // trusted since PostgreSQL 13: the database owner may create it
    await queryRunner.query(`CREATE EXTENSION IF NOT EXISTS pg_trgm`);
    await queryRunner.query(
      `CREATE FUNCTION search_fold(parts text[]) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
        SELECT CASE WHEN german = plain THEN german ELSE german || ' ' || plain END
          FROM (SELECT translate(replace(replace(replace(replace(replace(replace(base, 'ä', 'ae'), 'ö', 'oe'), 'ü', 'ue'),
                                 'Ä', 'ae'), 'Ö', 'oe'), 'Ü', 'ue'), '${FROM}', '${TO}') AS german,
                       translate(base, '${FROM}', '${TO}') AS plain
                  FROM (SELECT lower(replace(replace(replace(replace(replace(replace(
                                 coalesce(array_to_string(parts, ' '), ''), 'ß', 'ss'), 'ẞ', 'ss'), 'æ', 'ae'), 'Æ', 'ae'), 'œ', 'oe'), 'Œ', 'oe')) AS base) b) f
      $$`,
    );
    // TypeORM's own table (its migration runner creates it too): the expressions of generated columns, read by the drift check
    await queryRunner.query(
      `CREATE TABLE IF NOT EXISTS "typeorm_metadata" ("type" character varying NOT NULL, "database" character varying, "schema" character varying, "table" character varying, "name" character varying, "value" text)`,
    );
    await queryRunner.query(`ALTER TABLE "users" ADD "search_text" text NOT NULL GENERATED ALWAYS AS (${USERS_EXPRESSION}) STORED`);
    await queryRunner.query(
      `ALTER TABLE "organisations" ADD "search_text" text NOT NULL GENERATED ALWAYS AS (${ORGANISATIONS_EXPRESSION}) STORED`,
    );
    await queryRunner.query(
      `INSERT INTO "typeorm_metadata" ("database", "schema", "table", "type", "name", "value")
       VALUES (current_database(), current_schema(), 'users', 'GENERATED_COLUMN', 'search_text', $1),
              (current_database(), current_schema(), 'organisations', 'GENERATED_COLUMN', 'search_text', $2)`,
      [USERS_EXPRESSION, ORGANISATIONS_EXPRESSION],
    );
    await queryRunner.query(`CREATE INDEX "IDX_users_search_text" ON "users" USING GIN ("search_text" gin_trgm_ops)`);
    await queryRunner.query(`CREATE INDEX "IDX_organisations_search_text" ON "organisations" USING GIN ("search_text" gin_trgm_ops)`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."IDX_organisations_search_text"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_users_search_text"`);
    await queryRunner.query(
      `DELETE FROM "typeorm_metadata" WHERE "type" = 'GENERATED_COLUMN' AND "name" = 'search_text' AND "table" IN ('users', 'organisations')`,
    );
    await queryRunner.query(`ALTER TABLE "organisations" DROP COLUMN "search_text"`);
    await queryRunner.query(`ALTER TABLE "users" DROP COLUMN "search_text"`);
    await queryRunner.query(`DROP FUNCTION search_fold(text[])`);
    // pg_trgm stays: other objects may have come to depend on it
  }
}
