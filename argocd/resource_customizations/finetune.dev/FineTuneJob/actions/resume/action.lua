-- Continue a suspended job: the operator lets the current attempt run again.
if obj.spec == nil then
  obj.spec = {}
end
obj.spec.suspend = false
return obj
