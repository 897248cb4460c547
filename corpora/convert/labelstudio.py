"""Label Studio JSON export/import: a list of tasks with `data.text` and, per task, `predictions`
(pre-annotations to correct: the default for the extractor's output) or `annotations` (gold), each
with `result[]` of type `labels` (from_name "label", to_name "text"). `labelling_config()` is the
project's labelling interface for our labels and colours (shipped as corpora/labelstudio-config.xml).

`data` also carries the document id, `meta` and `records`. Entity attributes ride in each
result's `meta`, which Label Studio keeps. On import the first annotation is read, or the first
prediction when a task has no annotation.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any
from xml.sax.saxutils import quoteattr

MODEL_VERSION = "vnextract"


def labelling_config() -> str:
    """The Label Studio labelling config: the text and one choice per label, with its colour."""
    from vnextract.extractor.recognise import REGISTRY

    lines = ["<View>", '  <Labels name="label" toName="text">']
    lines += [f"    <Label value={quoteattr(label.name)} background={quoteattr(label.colour)}/>" for label in REGISTRY.labels()]
    lines += ["  </Labels>", '  <Text name="text" value="$text"/>', "</View>", ""]
    return "\n".join(lines)


def to_labelstudio(docs: Iterable[dict[str, Any]], *, as_predictions: bool = True,
                   model_version: str = MODEL_VERSION) -> list[dict[str, Any]]:
    tasks = []
    for doc in docs:
        results = []
        for k, e in enumerate(doc.get("entities") or []):
            result: dict[str, Any] = {
                "id": f"{doc['id']}-{k}", "from_name": "label", "to_name": "text", "type": "labels",
                "value": {"start": e["start"], "end": e["end"], "text": e["text"], "labels": [e["label"]]},
            }
            if e.get("attrs"):
                result["meta"] = {"attrs": e["attrs"]}
            results.append(result)
        data: dict[str, Any] = {"id": doc["id"], "text": doc["text"], "records": doc.get("records") or []}
        if doc.get("meta"):
            data["meta"] = doc["meta"]
        if as_predictions:
            tasks.append({"data": data, "predictions": [{"model_version": model_version, "result": results}]})
        else:
            tasks.append({"data": data, "annotations": [{"result": results}]})
    return tasks


def from_labelstudio(tasks: Iterable[dict[str, Any]]) -> list[dict[str, Any]]:
    docs = []
    for n, task in enumerate(tasks):
        data = task["data"]
        text = data["text"]
        sources = task.get("annotations") or task.get("predictions") or [{"result": []}]
        entities = []
        for result in sources[0].get("result", []):
            if result.get("type") != "labels":
                continue
            value = result["value"]
            entity: dict[str, Any] = {"start": value["start"], "end": value["end"], "label": value["labels"][0],
                                      "text": text[value["start"]:value["end"]]}
            if result.get("meta", {}).get("attrs"):
                entity["attrs"] = result["meta"]["attrs"]
            entities.append(entity)
        doc: dict[str, Any] = {"id": data.get("id", task.get("id", n)), "text": text}
        if data.get("meta"):
            doc["meta"] = data["meta"]
        doc["entities"] = entities
        doc["records"] = data.get("records") or []
        docs.append(doc)
    return docs
