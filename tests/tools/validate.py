"""Validates errcat's renderings with real validators.

    validate.py json-schema SCHEMA INSTANCES   one JSON body per line of
                                                INSTANCES; prints `true` or
                                                `false` per line
    validate.py openapi DOCUMENT                exits 0 when valid, else
                                                prints the error, exits 1
    validate.py one-of DOCUMENT                 every example of every
                                                response whose schema is a
                                                `oneOf` validates against
                                                exactly one branch; else
                                                prints each that does not,
                                                exits 1
"""

import json
import sys

from jsonschema import Draft202012Validator


def json_schema(schema_path, instances_path):
    with open(schema_path) as f:
        schema = json.load(f)
    Draft202012Validator.check_schema(schema)
    validator = Draft202012Validator(schema)
    with open(instances_path) as f:
        for line in f:
            if line.strip():
                print("true" if validator.is_valid(json.loads(line)) else "false")


def openapi(path):
    from openapi_spec_validator import validate

    with open(path) as f:
        document = json.load(f)
    try:
        validate(document)
    except Exception as e:  # the validator's own error types
        print(e)
        sys.exit(1)


def media_types(node):
    """Every media type object (`schema` and `examples`) in a document."""
    if isinstance(node, dict):
        if "schema" in node and "examples" in node:
            yield node
        for v in node.values():
            yield from media_types(v)
    elif isinstance(node, list):
        for v in node:
            yield from media_types(v)


def one_of(path):
    with open(path) as f:
        document = json.load(f)
    components = document.get("components", {})
    problems = []
    checked = 0
    for media in media_types(document):
        branches = media["schema"].get("oneOf")
        if not branches:
            continue
        for name, example in media["examples"].items():
            value = example.get("value")
            matched = [
                b.get("$ref", json.dumps(b))
                for b in branches
                if Draft202012Validator({"allOf": [b], "components": components}).is_valid(value)
            ]
            checked += 1
            if len(matched) != 1:
                problems.append(f"{name}: matches {len(matched)} branches {matched}")
    for p in problems:
        print(p)
    print(f"{checked} examples checked")
    sys.exit(1 if problems or checked == 0 else 0)


if __name__ == "__main__":
    if sys.argv[1] == "json-schema":
        json_schema(sys.argv[2], sys.argv[3])
    elif sys.argv[1] == "openapi":
        openapi(sys.argv[2])
    elif sys.argv[1] == "one-of":
        one_of(sys.argv[2])
    else:
        sys.exit(f"unknown command {sys.argv[1]}")
