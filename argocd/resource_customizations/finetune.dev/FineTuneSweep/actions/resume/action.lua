-- Continue a suspended sweep: its trials run again and new ones start.
if obj.spec == nil then
  obj.spec = {}
end
obj.spec.suspend = false
return obj
