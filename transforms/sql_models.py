"""A small dbt-like runner: SQL model files, dependency order from the SQL itself, views/tables, data tests.

Each model is one `.sql` file under dbt_like_sql/ whose name is the relation name. It starts with a YAML
header in a block comment:

    /* ---
    description: One row per weapon count, with its document.
    materialized: view            # or: table
    columns:
      fact_id: The weapon_counts fact.
    tests:
      unique: [fact_id]
      not_null: [fact_id, doc_id]
      accepted_values: {status: [launched, intercepted]}
      relationships: {doc_id: stg_documents.doc_id}
    --- */
    select ...

Dependencies are the tables the SQL reads (found by parsing it with sqlglot, CTE names excluded) that are
models; the others must be sources (the lake's views), or the run fails with a clear message.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

import yaml

MODELS_DIR = Path(__file__).resolve().parent.parent / "dbt_like_sql"
_HEADER = re.compile(r"\A\s*/\*\s*---\s*\n(.*?)\n\s*---\s*\*/", re.DOTALL)


class ModelError(RuntimeError):
    """A model set that cannot be built: a cycle, a missing model, a malformed header."""


@dataclass(frozen=True)
class Model:
    """One SQL model: its name, layer, SQL, materialisation, documentation, tests and dependencies."""

    name: str
    path: Path
    layer: str
    sql: str
    materialized: str
    description: str
    columns: dict[str, str]
    tests: dict
    reads: frozenset[str]


@dataclass
class TestResult:
    """One data test: which model, which kind and column, and how many rows failed it."""

    model: str
    test: str
    failures: int = 0
    error: str | None = None

    @property
    def passed(self) -> bool:
        return self.failures == 0 and self.error is None

    @property
    def status(self) -> str:
        return "pass" if self.passed else ("error" if self.error else f"fail ({self.failures})")


@dataclass
class BuildResult:
    """What building the models did."""

    built: list[str] = field(default_factory=list)
    tests: list[TestResult] = field(default_factory=list)
    exported: list[Path] = field(default_factory=list)


def tables_read(sql: str) -> frozenset[str]:
    """Names of the tables and views a query reads, excluding its own CTEs and table functions."""
    import sqlglot
    from sqlglot import exp

    try:
        tree = sqlglot.parse_one(sql, read="duckdb")
    except sqlglot.errors.ParseError as exc:
        raise ModelError(f"cannot parse SQL: {str(exc).splitlines()[0]}") from exc
    ctes = {cte.alias_or_name for cte in tree.find_all(exp.CTE)}
    names = set()
    for table in tree.find_all(exp.Table):
        if isinstance(table.this, exp.Identifier) and table.name and table.name not in ctes:
            names.add(table.name)
    return frozenset(names)


def load_model(path: Path, root: Path) -> Model:
    text = path.read_text()
    match = _HEADER.match(text)
    if not match:
        raise ModelError(f"{path.relative_to(root)}: no /* --- YAML header --- */ at the top")
    try:
        header = yaml.safe_load(match.group(1)) or {}
    except yaml.YAMLError as exc:
        raise ModelError(f"{path.relative_to(root)}: malformed header: {exc}") from exc
    sql = text[match.end():].strip().rstrip(";")
    materialized = header.get("materialized", "view")
    if materialized not in ("view", "table"):
        raise ModelError(f"{path.relative_to(root)}: materialized must be view or table, not {materialized!r}")
    if not header.get("description"):
        raise ModelError(f"{path.relative_to(root)}: the header has no description")
    return Model(name=path.stem, path=path, layer=path.parent.relative_to(root).as_posix(), sql=sql,
                 materialized=materialized, description=str(header["description"]).strip(),
                 columns={str(k): str(v) for k, v in (header.get("columns") or {}).items()},
                 tests=header.get("tests") or {}, reads=tables_read(sql))


def load_models(root: Path = MODELS_DIR) -> dict[str, Model]:
    """Every model under `root`, by name (the file name is the relation name; names must be unique)."""
    models: dict[str, Model] = {}
    for path in sorted(root.rglob("*.sql")):
        model = load_model(path, root)
        if model.name in models:
            raise ModelError(f"two models named {model.name}: {models[model.name].path} and {path}")
        models[model.name] = model
    return models


def dependencies(model: Model, models: dict[str, Model]) -> list[str]:
    return sorted(name for name in model.reads if name in models)


def build_order(models: dict[str, Model], sources: set[str]) -> list[str]:
    """Model names in an order where every model comes after the models it reads.

    Raises ModelError naming the cycle, or the model and the relation it reads that does not exist.
    """
    for model in models.values():
        missing = sorted(name for name in model.reads if name not in models and name not in sources)
        if missing:
            raise ModelError(f"model {model.name} reads {', '.join(missing)}, which is neither a model "
                             f"nor a lake table")
    order: list[str] = []
    state: dict[str, str] = {}

    def visit(name: str, path: list[str]) -> None:
        if state.get(name) == "done":
            return
        if state.get(name) == "visiting":
            cycle = path[path.index(name):] + [name]
            raise ModelError("dependency cycle: " + " -> ".join(cycle))
        state[name] = "visiting"
        for dependency in dependencies(models[name], models):
            visit(dependency, path + [name])
        state[name] = "done"
        order.append(name)

    for name in sorted(models):
        visit(name, [])
    return order


def _quote(value: str) -> str:
    return "'" + value.replace("'", "''") + "'"


# A table model is first built under this suffix, in a transaction of its own, then renamed into place.
NEXT_SUFFIX = "__next"
_LEADING_WITH = re.compile(r"\A\s*with\s+", re.IGNORECASE)


def build_models(con, models: dict[str, Model], order: list[str]) -> list[str]:
    """Create every model as its header declares, with its descriptions as DuckDB comments.

    Each table model is built under a temporary name in a transaction of its own, so that DuckDB writes
    it to disk and frees its memory (one transaction for all kept every new table in memory: 1.5 GB over
    100k documents). One last transaction then renames the new tables into place and replaces the views:
    a reader, or a crash at any moment, sees all old or all new models.
    """
    tables = [name for name in order if models[name].materialized == "table"]
    for name in tables:
        _drop_relation(con, name + NEXT_SUFFIX)  # what a killed build left
    try:
        for name in tables:
            _create(con, models[name], name + NEXT_SUFFIX, _with_new_dependencies(models[name], models, order))
    except Exception:
        for name in tables:
            _drop_relation(con, name + NEXT_SUFFIX)
        raise
    con.execute("begin transaction")
    try:
        for name in order:
            model = models[name]
            _drop_relation(con, name, keep="view" if model.materialized == "view" else None)
            if model.materialized == "table":
                con.execute(f'alter table "{name}{NEXT_SUFFIX}" rename to "{name}"')
            else:
                _create(con, model, name, model.sql)
        con.execute("commit")
    except Exception:
        con.execute("rollback")
        raise
    return list(order)


def _with_new_dependencies(model: Model, models: dict[str, Model], order: list[str]) -> str:
    """The model's SQL reading the models of this build, not the ones in place: each model it depends on,
    directly or through others, becomes a CTE of that name (a new table, or a view's own SQL)."""
    needed: set[str] = set()
    pending = [name for name in model.reads if name in models]
    while pending:
        name = pending.pop()
        if name not in needed:
            needed.add(name)
            if models[name].materialized == "view":
                pending.extend(dep for dep in models[name].reads if dep in models)
    if not needed:
        return model.sql
    ctes = []
    for name in order:  # dependency order: a CTE reads only those before it
        if name in needed:
            body = (f'select * from "{name}{NEXT_SUFFIX}"' if models[name].materialized == "table"
                    else models[name].sql)
            ctes.append(f'"{name}" as (\n{body}\n)')
    prefix = ",\n".join(ctes)
    match = _LEADING_WITH.match(model.sql)
    if match:
        return f"with {prefix},\n{model.sql[match.end():]}"
    return f"with {prefix}\n{model.sql}"


def _drop_relation(con, name: str, keep: str | None = None) -> None:
    """Drop the table or view `name` if there is one (unless it is of kind `keep`: replaced in place)."""
    found = con.execute("select table_type from information_schema.tables where table_name = ?", [name]).fetchall()
    if found:
        kind = "view" if found[0][0] == "VIEW" else "table"
        if kind != keep:
            con.execute(f'drop {kind} "{name}"')


def _create(con, model: Model, relation: str, sql: str) -> None:
    """Create `relation` from `sql` as the model declares, with the model's comments on it."""
    kind = model.materialized
    try:
        con.execute(f'create or replace {kind} "{relation}" as {sql}')
    except Exception as exc:
        raise ModelError(f"model {model.name} failed to build: {str(exc).splitlines()[0]}") from exc
    con.execute(f'comment on {kind} "{relation}" is {_quote(model.description)}')
    actual = {row[0] for row in con.execute('select column_name from information_schema.columns '
                                            'where table_name = ?', [relation]).fetchall()}
    for column, description in model.columns.items():
        if column not in actual:
            raise ModelError(f"model {model.name} documents column {column}, which it does not have")
        con.execute(f'comment on column "{relation}"."{column}" is {_quote(description)}')


def _as_list(value) -> list:
    return value if isinstance(value, list) else [value]


def test_queries(model: Model) -> list[tuple[str, str]]:
    """(test name, SQL counting failing rows) for every data test of a model."""
    name = f'"{model.name}"'
    queries = []
    for column in _as_list(model.tests.get("unique", [])):
        queries.append((f"unique({column})", f'select count(*) from (select "{column}" from {name} '
                                              f'where "{column}" is not null group by 1 having count(*) > 1)'))
    for column in _as_list(model.tests.get("not_null", [])):
        queries.append((f"not_null({column})", f'select count(*) from {name} where "{column}" is null'))
    for column, values in (model.tests.get("accepted_values") or {}).items():
        value_list = ", ".join(_quote(str(v)) for v in values)
        queries.append((f"accepted_values({column})", f'select count(*) from {name} where "{column}" is not null '
                                                      f'and "{column}"::varchar not in ({value_list})'))
    for column, target in (model.tests.get("relationships") or {}).items():
        other, other_column = target.split(".")
        queries.append((f"relationships({column} -> {target})",
                        f'select count(*) from {name} child where child."{column}" is not null and not exists '
                        f'(select 1 from "{other}" parent where parent."{other_column}" = child."{column}")'))
    return queries


def run_tests(con, models: dict[str, Model], order: list[str]) -> list[TestResult]:
    """Run every model's data tests; a test that cannot run is an error, not a pass."""
    results = []
    for name in order:
        for test, sql in test_queries(models[name]):
            try:
                failures = con.execute(sql).fetchall()[0][0]
                results.append(TestResult(name, test, failures))
            except Exception as exc:
                results.append(TestResult(name, test, error=str(exc).splitlines()[0]))
    return results


def export_marts(con, models: dict[str, Model], directory: Path) -> list[Path]:
    """Write every mart (models under marts/) to <directory>/<name>.parquet, atomically."""
    import os

    directory.mkdir(parents=True, exist_ok=True)
    written = []
    for name, model in sorted(models.items()):
        if not model.layer.startswith("marts"):
            continue
        target = directory / f"{name}.parquet"
        temporary = directory / f".{name}.parquet.part"
        con.execute(f"copy (select * from \"{name}\") to {_quote(str(temporary))} (format parquet, compression zstd)")
        os.replace(temporary, target)
        written.append(target)
    return written


def build_all(con, sources: set[str], marts_dir: Path | None, root: Path = MODELS_DIR) -> BuildResult:
    """Build every model in dependency order, run the data tests and export the marts."""
    models = load_models(root)
    order = build_order(models, sources)
    result = BuildResult()
    result.built = build_models(con, models, order)
    result.tests = run_tests(con, models, order)
    if marts_dir is not None:
        result.exported = export_marts(con, models, marts_dir)
    return result
