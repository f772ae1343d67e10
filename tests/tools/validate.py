"""Validates errcat's renderings with real validators.

    validate.py json-schema SCHEMA INSTANCES   one JSON body per line of
                                                INSTANCES; prints `true` or
                                                `false` per line
    validate.py openapi DOCUMENT                exits 0 when valid, else
                                                prints the error, exits 1
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


if __name__ == "__main__":
    if sys.argv[1] == "json-schema":
        json_schema(sys.argv[2], sys.argv[3])
    elif sys.argv[1] == "openapi":
        openapi(sys.argv[2])
    else:
        sys.exit(f"unknown command {sys.argv[1]}")
