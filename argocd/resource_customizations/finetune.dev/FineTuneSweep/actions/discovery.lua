-- Actions Argo CD offers on a FineTuneSweep. suspend and resume set spec.suspend: a suspended
-- sweep starts no trial (and suspends its running hyperpod trials).
local actions = {}
local spec = obj.spec or {}
local status = obj.status or {}
local suspended = spec.suspend == true
local finished = status.phase == "Succeeded" or status.phase == "Failed"
actions["suspend"] = {["disabled"] = suspended or finished}
actions["resume"] = {["disabled"] = not suspended}
return actions
