"""What the operator and the trainer agree on, written once and installed by both.

The operator image and every trainer image install this package (standard library only), so a rule
both sides apply has one home (docs/architecture.md, "The contract package"):

- `methods`: each training method's traits (LoRA, preferences, rewards, data formats, accelerator
  families) and the check of a method against a config;
- `formats`: the record shapes of each data format, parsed the same way by the SageMaker pre-flight
  and the trainer;
- `constants`: exit codes, `--resume-from auto`, fixed paths and file names;
- `config_schema` and `trainer-config.schema.json`: the resolved training config's JSON Schema,
  generated from the operator's model, and the checker the trainer reads documents with.
"""
