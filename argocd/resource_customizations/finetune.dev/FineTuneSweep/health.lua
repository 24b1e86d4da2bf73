-- Argo CD health of a finetune.dev/v1alpha1 FineTuneSweep (docs/operations.md, "Argo CD").
-- Progressing while Pending or Running (and until the operator has observed the latest
-- generation), Healthy once Succeeded, Degraded when Failed, Suspended while suspended.
-- The message carries the trials done, running and in total and the best trial so far.
-- Lua 5.1 (Argo CD's gopher-lua).
local hs = {}

local function condition(status, wanted_type)
  if status.conditions == nil then
    return nil
  end
  for _, c in ipairs(status.conditions) do
    if c.type == wanted_type and c.status == "True" then
      return c
    end
  end
  return nil
end

-- "trials 1 done, 2 running of 4; best lr-t000 (eval_loss 2.31)"
local function trials_text(obj, status)
  local total = "?"
  if obj.spec ~= nil and obj.spec.maxTrials ~= nil then
    total = tostring(obj.spec.maxTrials)
  end
  local text = "trials " .. tostring(status.trialsDone or 0) .. " done, " ..
    tostring(status.trialsRunning or 0) .. " running of " .. total
  local best = status.bestTrial
  if best ~= nil and best.name ~= nil then
    local metric = "objective"
    if obj.spec ~= nil and obj.spec.objective ~= nil and obj.spec.objective.metric ~= nil then
      metric = obj.spec.objective.metric
    end
    text = text .. "; best " .. best.name .. " (" .. metric .. " " .. tostring(best.objective) .. ")"
  end
  return text
end

local function describe(obj, status, phase, c)
  local text = phase
  if status.reason ~= nil and status.reason ~= "" and status.reason ~= phase then
    text = text .. " (" .. status.reason .. ")"
  end
  text = text .. ": " .. trials_text(obj, status)
  if c ~= nil and c.message ~= nil and c.message ~= "" then
    text = text .. ": " .. c.message
  end
  return text
end

local status = obj.status or {}
local phase = status.phase

if phase == "Failed" then
  hs.status = "Degraded"
  hs.message = describe(obj, status, "Failed", condition(status, "Failed"))
  return hs
end

if phase == "Succeeded" then
  hs.status = "Healthy"
  local message = describe(obj, status, "Succeeded", nil)
  if status.bestTrial ~= nil and status.bestTrial.outputPath ~= nil then
    message = message .. "; output at " .. status.bestTrial.outputPath
  end
  hs.message = message
  return hs
end

local generation = obj.metadata and obj.metadata.generation
if phase == nil or (generation ~= nil and status.observedGeneration ~= generation) then
  hs.status = "Progressing"
  hs.message = "Waiting for finetune-operator to observe generation " .. tostring(generation)
  return hs
end

if phase == "Suspended" then
  hs.status = "Suspended"
  hs.message = describe(obj, status, "Suspended", condition(status, "Suspended"))
  return hs
end

-- Pending, Running
hs.status = "Progressing"
hs.message = describe(obj, status, phase, nil)
return hs
