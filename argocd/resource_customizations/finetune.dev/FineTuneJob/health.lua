-- Argo CD health of a finetune.dev/v1alpha1 FineTuneJob (docs/operations.md, "Argo CD").
-- Progressing while Pending/Submitted/Running/Resuming, Healthy once Succeeded or Stopped, Degraded when
-- Failed, while a delete or the current attempt is blocked (e.g. its storage claim is missing)
-- or the spec is invalid, Suspended while suspended.
-- The message carries the step, the attempt and the reason. Lua 5.1 (Argo CD's gopher-lua).
local hs = {}

local function true_condition(status, wanted_type, wanted_reason)
  if status.conditions == nil then
    return nil
  end
  for _, c in ipairs(status.conditions) do
    if c.status == "True" and (wanted_type == nil or c.type == wanted_type)
        and (wanted_reason == nil or c.reason == wanted_reason) then
      return c
    end
  end
  return nil
end

-- "step 120/1000 (12%), attempt 2/3"
local function progress_text(obj, status)
  local parts = {}
  local p = status.progress
  if p ~= nil and p.step ~= nil then
    local text = "step " .. tostring(p.step)
    if p.totalSteps ~= nil and p.totalSteps > 0 then
      local percent = p.percent
      if percent == nil then
        percent = tostring(math.floor(p.step * 100 / p.totalSteps)) .. "%"
      end
      text = text .. "/" .. tostring(p.totalSteps) .. " (" .. percent .. ")"
    end
    table.insert(parts, text)
  end
  if status.currentAttempt ~= nil and status.currentAttempt > 0 then
    local attempts = 3
    if obj.spec ~= nil and obj.spec.resume ~= nil and obj.spec.resume.maxAttempts ~= nil then
      attempts = obj.spec.resume.maxAttempts
    end
    table.insert(parts, "attempt " .. tostring(status.currentAttempt) .. "/" .. tostring(attempts))
  end
  return table.concat(parts, ", ")
end

-- "<phase> (<reason>): step 120/1000 (12%), attempt 2/3: <message>"
local function describe(obj, status, phase, condition)
  local text = phase
  if condition ~= nil and condition.reason ~= nil and condition.reason ~= "" and condition.reason ~= phase then
    text = text .. " (" .. condition.reason .. ")"
  end
  local progress = progress_text(obj, status)
  if progress ~= "" then
    text = text .. ": " .. progress
  end
  if condition ~= nil and condition.message ~= nil and condition.message ~= "" then
    text = text .. ": " .. condition.message
  end
  return text
end

local status = obj.status or {}
local phase = status.phase

local blocked = true_condition(status, "DeletionBlocked", nil)
if blocked ~= nil then
  hs.status = "Degraded"
  hs.message = describe(obj, status, "Deletion blocked", blocked)
  return hs
end

local invalid = true_condition(status, nil, "InvalidSpec")
if phase == "Failed" or invalid ~= nil then
  hs.status = "Degraded"
  hs.message = describe(obj, status, "Failed", invalid or true_condition(status, "Failed", nil))
  return hs
end

-- Waits for something only a person can fix (it starts by itself once that is done).
local attempt_blocked = true_condition(status, "AttemptBlocked", nil)
if attempt_blocked ~= nil then
  hs.status = "Degraded"
  hs.message = describe(obj, status, "Attempt blocked", attempt_blocked)
  return hs
end

if phase == "Succeeded" then
  hs.status = "Healthy"
  local message = describe(obj, status, "Succeeded", nil)
  if status.output ~= nil and status.output.path ~= nil then
    message = message .. "; output at " .. status.output.path
  end
  hs.message = message
  return hs
end

-- Stopped on request (annotation finetune.dev/stop, e.g. early stopping by its FineTuneSweep):
-- what was asked for; checkpoints are kept.
if phase == "Stopped" then
  hs.status = "Healthy"
  hs.message = describe(obj, status, "Stopped", true_condition(status, "Stopped", nil))
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
  hs.message = describe(obj, status, "Suspended", true_condition(status, "Suspended", nil))
  return hs
end

-- Pending, Submitted, Running, Resuming
local condition = nil
if phase == "Submitted" then
  condition = true_condition(status, "Submitted", nil)
elseif phase == "Running" then
  condition = true_condition(status, "Running", nil)
elseif phase == "Resuming" then
  condition = true_condition(status, "Submitted", nil)
  if status.conditions ~= nil then
    for _, c in ipairs(status.conditions) do
      if c.type == "Running" and c.reason == "AttemptFailed" then
        condition = c
      end
    end
  end
end
hs.status = "Progressing"
hs.message = describe(obj, status, phase, condition)
return hs
