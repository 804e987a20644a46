"""The IATI detail rows (ten tables) become one JSON document per activity: IatiActivity.details.

The rows of each activity are moved into its document (caunoi.iati.details describes its form), and back
when the migration is reversed. The conversion is written out here, not imported, so that this migration
keeps working whatever later code does.
"""

import datetime as dt
from decimal import Decimal

from django.db import migrations, models

CHUNK = 500


def _dec(value):
    return None if value is None else str(value)


def _by_activity(model, ids, order=("position",)):
    rows: dict[int, list] = {}
    for row in model.objects.filter(activity_id__in=ids).order_by("activity_id", *order):
        rows.setdefault(row.activity_id, []).append(row)
    return rows


def rows_to_documents(apps, schema_editor):
    Activity = apps.get_model("iati", "IatiActivity")
    names = ("Narrative", "ActivityDate", "Recipient", "RawSector", "Location", "Budget", "OtherTransaction")
    models_ = {name: apps.get_model("iati", name) for name in names}
    Result = apps.get_model("iati", "Result")
    ids = list(Activity.objects.order_by("pk").values_list("pk", flat=True))
    for start in range(0, len(ids), CHUNK):
        chunk = ids[start : start + CHUNK]
        of = {name: _by_activity(model, chunk) for name, model in models_.items()}
        results: dict[int, list] = {}
        for r in Result.objects.filter(activity_id__in=chunk).order_by("activity_id", "position").prefetch_related(
            "indicators__periods"
        ):
            indicators = sorted(r.indicators.all(), key=lambda i: i.position)
            results.setdefault(r.activity_id, []).append(
                [
                    r.kind,
                    r.aggregation_status,
                    r.title,
                    [
                        [
                            i.measure,
                            i.ascending,
                            i.title,
                            i.baseline_year,
                            i.baseline_value,
                            [
                                [p.period_start.isoformat(), p.period_end.isoformat(), p.target, p.actual]
                                for p in sorted(i.periods.all(), key=lambda p: p.position)
                            ],
                        ]
                        for i in indicators
                    ],
                ]
            )
        for pk in chunk:
            narratives = of["Narrative"].get(pk, [])
            doc = {
                "v": 1,
                "titles": [[n.lang, n.text] for n in narratives if n.element == "title"],
                "descriptions": [[n.kind, n.lang, n.text] for n in narratives if n.element == "description"],
                "dates": [[d.kind, d.on.isoformat()] for d in of["ActivityDate"].get(pk, [])],
                "recipients": [
                    [r.is_region, r.code, r.vocabulary, _dec(r.percentage)] for r in of["Recipient"].get(pk, [])
                ],
                "sectors": [
                    [s.vocabulary, s.vocabulary_uri, s.code, _dec(s.percentage)]
                    for s in of["RawSector"].get(pk, [])
                ],
                "locations": [
                    [loc.ref, loc.name, _dec(loc.latitude), _dec(loc.longitude), loc.admin_codes, loc.unit_id]
                    for loc in of["Location"].get(pk, [])
                ],
                "budgets": [
                    [
                        b.kind,
                        b.status,
                        b.period_start.isoformat(),
                        b.period_end.isoformat(),
                        str(b.value),
                        b.currency,
                        b.value_date.isoformat(),
                    ]
                    for b in of["Budget"].get(pk, [])
                ],
                "others": [
                    [
                        o.kind,
                        str(o.value),
                        o.currency,
                        o.value_date.isoformat(),
                        o.transaction_date.isoformat() if o.transaction_date else None,
                        o.reference,
                        o.provider_ref,
                        o.provider_name,
                        o.receiver_ref,
                        o.receiver_name,
                        o.reason,
                    ]
                    for o in of["OtherTransaction"].get(pk, [])
                ],
                "results": results.get(pk, []),
            }
            Activity.objects.filter(pk=pk).update(details=doc)


def _day(text):
    return dt.date.fromisoformat(text)


def documents_to_rows(apps, schema_editor):
    Activity = apps.get_model("iati", "IatiActivity")
    m = {
        name: apps.get_model("iati", name)
        for name in (
            "Narrative",
            "ActivityDate",
            "Recipient",
            "RawSector",
            "Location",
            "Budget",
            "OtherTransaction",
            "Result",
            "Indicator",
            "IndicatorPeriod",
        )
    }
    for activity in Activity.objects.order_by("pk").iterator(chunk_size=CHUNK):
        doc = activity.details or {}
        if doc.get("v") != 1:
            continue
        a = activity.pk
        texts = [("title", "", lang, text) for lang, text in doc["titles"]]
        texts += [("description", kind, lang, text) for kind, lang, text in doc["descriptions"]]
        m["Narrative"].objects.bulk_create(
            m["Narrative"](activity_id=a, position=i, element=e, kind=k, lang=lang, text=t)
            for i, (e, k, lang, t) in enumerate(texts)
        )
        m["ActivityDate"].objects.bulk_create(
            m["ActivityDate"](activity_id=a, position=i, kind=k, on=_day(on)) for i, (k, on) in enumerate(doc["dates"])
        )
        m["Recipient"].objects.bulk_create(
            m["Recipient"](
                activity_id=a, position=i, is_region=r, code=c, vocabulary=v, percentage=None if p is None else Decimal(p)
            )
            for i, (r, c, v, p) in enumerate(doc["recipients"])
        )
        m["RawSector"].objects.bulk_create(
            m["RawSector"](
                activity_id=a,
                position=i,
                vocabulary=v,
                vocabulary_uri=uri[:500],
                code=c[:100],
                percentage=None if p is None else Decimal(p),
            )
            for i, (v, uri, c, p) in enumerate(doc["sectors"])
        )
        m["Location"].objects.bulk_create(
            m["Location"](
                activity_id=a,
                position=i,
                ref=ref[:200],
                name=name[:500],
                latitude=None if lat is None else Decimal(lat),
                longitude=None if lon is None else Decimal(lon),
                admin_codes=admin[:500],
                unit_id=unit,
            )
            for i, (ref, name, lat, lon, admin, unit) in enumerate(doc["locations"])
        )
        m["Budget"].objects.bulk_create(
            m["Budget"](
                activity_id=a,
                position=i,
                kind=k,
                status=s,
                period_start=_day(start),
                period_end=_day(end),
                value=Decimal(value),
                currency=cur,
                value_date=_day(vd),
            )
            for i, (k, s, start, end, value, cur, vd) in enumerate(doc["budgets"])
        )
        m["OtherTransaction"].objects.bulk_create(
            m["OtherTransaction"](
                activity_id=a,
                position=i,
                kind=o[0],
                value=Decimal(o[1]),
                currency=o[2],
                value_date=_day(o[3]),
                transaction_date=None if o[4] is None else _day(o[4]),
                reference=o[5][:200],
                provider_ref=o[6][:200],
                provider_name=o[7][:500],
                receiver_ref=o[8][:200],
                receiver_name=o[9][:500],
                reason=o[10],
            )
            for i, o in enumerate(doc["others"])
        )
        for i, (kind, aggregation, title, indicators) in enumerate(doc["results"]):
            result = m["Result"].objects.create(
                activity_id=a, position=i, kind=kind, aggregation_status=aggregation, title=title
            )
            for j, (measure, ascending, ind_title, year, baseline, periods) in enumerate(indicators):
                indicator = m["Indicator"].objects.create(
                    result_id=result.pk,
                    position=j,
                    measure=measure,
                    ascending=ascending,
                    title=ind_title,
                    baseline_year=year,
                    baseline_value=baseline[:100],
                )
                m["IndicatorPeriod"].objects.bulk_create(
                    m["IndicatorPeriod"](
                        indicator_id=indicator.pk,
                        position=k,
                        period_start=_day(s),
                        period_end=_day(e),
                        target=t[:100],
                        actual=act[:100],
                    )
                    for k, (s, e, t, act) in enumerate(periods)
                )


class Migration(migrations.Migration):

    dependencies = [
        ('iati', '0002_alter_historicaliatiactivity_item_and_more'),
    ]

    operations = [
        migrations.AddField(
            model_name='iatiactivity',
            name='details',
            field=models.JSONField(blank=True, default=dict),
        ),
        migrations.RunPython(rows_to_documents, documents_to_rows),
        migrations.DeleteModel(name='IndicatorPeriod'),
        migrations.DeleteModel(name='Indicator'),
        migrations.DeleteModel(name='Result'),
        migrations.DeleteModel(name='ActivityDate'),
        migrations.DeleteModel(name='Budget'),
        migrations.DeleteModel(name='Location'),
        migrations.DeleteModel(name='Narrative'),
        migrations.DeleteModel(name='OtherTransaction'),
        migrations.DeleteModel(name='RawSector'),
        migrations.DeleteModel(name='Recipient'),
    ]
