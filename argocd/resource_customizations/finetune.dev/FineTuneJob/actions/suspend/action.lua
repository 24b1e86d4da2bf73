-- Pause the job: the operator suspends the current attempt (its pods go; checkpoints stay).
if obj.spec == nil then
  obj.spec = {}
end
obj.spec.suspend = true
return obj
