"""places_per_entry: one places row per gazetteer entry, the mention on the row that uses it

Revision ID: 0009_places_per_entry
Revises: 0008_claim_confidence
Create Date: 2026-12-06 22:40:00

A ``places`` row was keyed by a hash of every field of the place, mention,
confidence, precision and fallback note included: one GeoNames entry named in
thousands of texts had thousands of rows. Now a row is one entry (name,
coordinates, country, admin1/2, GeoNames id, feature, origin) keyed by a hash
of those, and how a text used it moves beside the reference:
``claims.geo_*``, ``documents.focus_*``, ``incidents.place_*`` (precision,
confidence, mention, note).

Upgrade: the use columns are filled from the row each reference points to;
the references move to the first row (lowest pk) of each entry; the other
rows are deleted; the keys are recomputed; the four columns leave ``places``.
No claim, focus or incident loses its place or mention. Downgrade makes one
row per distinct (entry, use) again, with the old key.
"""
from __future__ import annotations

import hashlib

import sqlalchemy as sa
from alembic import op

revision = '0009_places_per_entry'
down_revision = '0008_claim_confidence'
branch_labels = None
depends_on = None

ENTRY = ('name', 'lat', 'lon', 'country', 'admin1', 'admin2', 'geonames_id', 'feature', 'origin')
USE = ('precision', 'confidence', 'mention', 'note')
# the Place record's field order (the old key hashed all of them in this order)
OLD_ORDER = ('name', 'lat', 'lon', 'country', 'admin1', 'admin2', 'geonames_id', 'feature',
             'precision', 'confidence', 'mention', 'origin', 'note')
REFS = (('claims', 'place_pk', 'geo'), ('documents', 'focus_pk', 'focus'),
        ('incidents', 'place_pk', 'place'))
PKS = {'claims': 'pk', 'documents': 'pk', 'incidents': 'id'}
MAP = '_places_0009'


def _key(values: tuple) -> str:
    return hashlib.sha1(repr(tuple(values)).encode('utf-8')).hexdigest()


def _use_columns(prefix: str) -> list[sa.Column]:
    return [sa.Column(f'{prefix}_precision', sa.String(20), nullable=True),
            sa.Column(f'{prefix}_confidence', sa.Float(), nullable=True),
            sa.Column(f'{prefix}_mention', sa.String(300), nullable=True),
            sa.Column(f'{prefix}_note', sa.Text(), nullable=True)]


def upgrade() -> None:
    bind = op.get_bind()
    for table, ref, prefix in REFS:
        with op.batch_alter_table(table, schema=None) as batch_op:
            for column in _use_columns(prefix):
                batch_op.add_column(column)
        sets = ', '.join(f'{prefix}_{u} = (SELECT p."{u}" FROM places p WHERE p.pk = {table}.{ref})'
                         for u in USE)
        op.execute(sa.text(f'UPDATE {table} SET {sets} WHERE {ref} IS NOT NULL'))
    rows = bind.execute(sa.text(
        f'SELECT pk, {", ".join(ENTRY)} FROM places ORDER BY pk')).all()
    first: dict[str, int] = {}
    moved: list[dict[str, int]] = []
    for r in rows:
        key = _key(tuple(r)[1:])
        if key in first:
            moved.append({'old': r[0], 'new': first[key]})
        else:
            first[key] = r[0]
    if moved:
        op.create_table(MAP, sa.Column('old', sa.Integer(), primary_key=True),
                        sa.Column('new', sa.Integer(), nullable=False))
        bind.execute(sa.text(f'INSERT INTO {MAP} (old, new) VALUES (:old, :new)'), moved)
        for table, ref, _prefix in REFS:
            op.execute(sa.text(
                f'UPDATE {table} SET {ref} = (SELECT m.new FROM {MAP} m WHERE m.old = {table}.{ref}) '
                f'WHERE {ref} IN (SELECT old FROM {MAP})'))
        op.execute(sa.text(f'DELETE FROM places WHERE pk IN (SELECT old FROM {MAP})'))
        op.drop_table(MAP)
    if first:
        bind.execute(sa.text('UPDATE places SET key = :key WHERE pk = :pk'),
                     [{'key': k, 'pk': pk} for k, pk in first.items()])
    for name in USE:  # natively (SQLite >= 3.35): no copy of the table others point to
        op.execute(sa.text(f'ALTER TABLE places DROP COLUMN "{name}"'))


def downgrade() -> None:
    bind = op.get_bind()
    with op.batch_alter_table('places', schema=None) as batch_op:
        batch_op.add_column(sa.Column('precision', sa.String(20), nullable=False,
                                      server_default='village'))
        batch_op.add_column(sa.Column('confidence', sa.Float(), nullable=True))
        batch_op.add_column(sa.Column('mention', sa.String(300), nullable=True))
        batch_op.add_column(sa.Column('note', sa.Text(), nullable=True))
    entries = {r[0]: dict(zip(ENTRY, tuple(r)[1:])) for r in bind.execute(sa.text(
        f'SELECT pk, {", ".join(ENTRY)} FROM places ORDER BY pk'))}
    made: dict[tuple, int] = {}  # (entry pk, use) -> the old-style row
    fresh = set(entries)  # entry rows not yet given a use (the first use takes them over)
    for table, ref, prefix in REFS:
        cols = ', '.join(f'{prefix}_{u}' for u in USE)
        moves = []
        for pk, place_pk, *use in bind.execute(sa.text(
                f'SELECT {PKS[table]}, {ref}, {cols} FROM {table} WHERE {ref} IS NOT NULL '
                f'ORDER BY {PKS[table]}')):
            use_d = dict(zip(USE, use))
            use_d['precision'] = use_d['precision'] or 'village'
            use_d['confidence'] = use_d['confidence'] if use_d['confidence'] is not None else 0.0
            ident = (place_pk, *use_d.values())
            if ident not in made:
                values = {**entries[place_pk], **use_d}
                values['key'] = _key(tuple(values[n] for n in OLD_ORDER))
                if place_pk in fresh:
                    fresh.discard(place_pk)
                    bind.execute(sa.text(
                        'UPDATE places SET key = :key, "precision" = :precision, '
                        'confidence = :confidence, mention = :mention, note = :note '
                        'WHERE pk = :pk'), {**values, 'pk': place_pk})
                    made[ident] = place_pk
                else:
                    names = ', '.join(f'"{n}"' for n in (*OLD_ORDER, 'key'))
                    params = ', '.join(f':{n}' for n in (*OLD_ORDER, 'key'))
                    bind.execute(sa.text(f'INSERT INTO places ({names}) VALUES ({params})'), values)
                    made[ident] = bind.execute(sa.text(
                        'SELECT pk FROM places WHERE key = :key'), {'key': values['key']}).scalar_one()
            if made[ident] != place_pk:
                moves.append({'pk': pk, 'to': made[ident]})
        if moves:
            bind.execute(sa.text(f'UPDATE {table} SET {ref} = :to WHERE {PKS[table]} = :pk'),
                         moves)
        for u in USE:  # natively (SQLite >= 3.35): no copy of the table
            op.execute(sa.text(f'ALTER TABLE {table} DROP COLUMN {prefix}_{u}'))
