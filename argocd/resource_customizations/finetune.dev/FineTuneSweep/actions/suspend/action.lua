-- Pause the sweep: no trial starts; running hyperpod trials are suspended (checkpoints stay).
if obj.spec == nil then
  obj.spec = {}
end
obj.spec.suspend = true
return obj
