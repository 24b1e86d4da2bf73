-- Actions Argo CD offers on a FineTuneJob. suspend and resume set spec.suspend, which the
-- operator honours; SageMaker training jobs cannot pause (the CRD refuses spec.suspend there).
-- There is no retry: see docs/operations.md, "Argo CD", for why.
local actions = {}
local spec = obj.spec or {}
local status = obj.status or {}
local suspended = spec.suspend == true
local finished = status.phase == "Succeeded" or status.phase == "Failed" or status.phase == "Stopped"
actions["suspend"] = {["disabled"] = suspended or finished or spec.backend == "sagemaker"}
actions["resume"] = {["disabled"] = not suspended}
return actions
