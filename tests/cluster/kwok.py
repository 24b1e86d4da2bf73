- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
"- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
"- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
"- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
H- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
e- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
l- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
p- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
e- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
r- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
s- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
 - training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
t- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
h- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
a- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
t- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
 - training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
p- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
l- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
a- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
y- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
 - training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
t- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
h- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
e- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
 - training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
k- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
u- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
b- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
e- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
l- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
e- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
t- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
'- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
s- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
 - training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
p- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
a- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
r- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
t- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
 - training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
i- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
n- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
 - training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
c- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
l- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
u- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
s- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
t- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
e- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
r- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
 - training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
t- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
e- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
s- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
t- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
s- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
,- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
 - training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
t- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
h- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
r- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
o- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
u- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
g- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
h- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
 - training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
t- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
h- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
e- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
 - training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
b- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
e- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
d- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
'- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
s- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
 - training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
k- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
w- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
o- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
k- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
 - training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
S- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
t- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
a- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
g- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
e- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
s- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
.- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.

- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.

- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
k- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
w- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
o- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
k- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
 - training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
r- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
u- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
n- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
s- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
 - training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
e- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
v- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
e- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
r- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
y- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
 - training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
p- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
o- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
d- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
 - training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
b- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
o- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
u- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
n- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
d- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
 - training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
t- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
o- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
 - training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
a- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
 - training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
f- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
a- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
k- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
e- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
 - training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
n- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
o- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
d- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
e- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
;- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
 - training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
t- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
h- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
e- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
s- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
e- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
 - training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
h- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
e- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
l- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
p- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
e- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
r- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
s- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
 - training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
t- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
r- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
i- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
g- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
g- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
e- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
r- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
 - training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
t- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
h- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
e- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
 - training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
S- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
t- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
a- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
g- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
e- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
s- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
 - training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
i- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
n- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.

- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
h- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
a- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
c- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
k- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
/- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
t- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
e- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
s- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
t- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
b- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
e- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
d- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
/- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
k- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
w- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
o- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
k- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
-- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
s- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
t- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
a- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
g- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
e- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
s- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
.- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
y- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
a- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
m- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
l- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
.- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
 - training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
S- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
e- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
m- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
a- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
n- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
t- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
i- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
c- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
s- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
 - training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
w- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
o- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
r- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
t- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
h- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
 - training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
k- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
n- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
o- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
w- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
i- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
n- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
g- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
 - training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
w- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
h- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
e- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
n- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
 - training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
y- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
o- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
u- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
 - training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
w- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
r- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
i- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
t- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
e- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
 - training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
a- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
 - training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
t- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
e- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
s- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
t- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
:- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.

- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.

- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
-- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
 - training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
A- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
 - training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
p- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
o- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
d- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
 - training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
e- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
n- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
d- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
s- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
 - training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
o- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
n- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
l- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
y- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
 - training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
w- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
h- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
e- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
n- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
 - training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
a- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
 - training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
t- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
e- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
s- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
t- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
 - training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
c- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
a- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
l- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
l- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
s- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
 - training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
`- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
f- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
i- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
n- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
i- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
s- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
h- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
_- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
p- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
o- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
d- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
`- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
:- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
 - training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
e- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
x- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
i- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
t- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
 - training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
c- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
o- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
d- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
e- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
 - training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
0- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
 - training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
m- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
a- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
k- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
e- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
s- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
 - training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
i- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
t- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
 - training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
S- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
u- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
c- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
c- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
e- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
e- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
d- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
e- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
d- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
,- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
 - training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
a- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
n- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
y- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.

- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
 - training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
 - training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
o- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
t- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
h- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
e- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
r- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
 - training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
c- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
o- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
d- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
e- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
 - training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
m- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
a- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
k- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
e- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
s- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
 - training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
i- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
t- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
 - training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
F- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
a- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
i- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
l- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
e- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
d- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
 - training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
w- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
i- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
t- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
h- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
 - training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
t- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
h- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
a- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
t- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
 - training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
c- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
o- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
d- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
e- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
 - training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
i- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
n- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
 - training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
`- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
c- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
o- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
n- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
t- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
a- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
i- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
n- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
e- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
r- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
S- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
t- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
a- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
t- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
u- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
s- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
e- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
s- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
[- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
]- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
.- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
s- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
t- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
a- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
t- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
e- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
.- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
t- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
e- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
r- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
m- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
i- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
n- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
a- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
t- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
e- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
d- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
`- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
.- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.

- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
-- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
 - training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
t- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
r- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
a- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
i- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
n- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
i- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
n- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
g- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
-- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
o- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
p- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
e- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
r- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
a- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
t- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
o- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
r- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
 - training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
v- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
1- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
.- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
7- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
.- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
0- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
 - training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
m- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
a- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
r- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
k- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
s- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
 - training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
a- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
 - training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
P- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
y- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
T- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
o- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
r- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
c- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
h- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
J- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
o- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
b- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
 - training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
`- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
F- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
a- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
i- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
l- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
e- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
d- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
`- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
 - training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
o- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
n- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
 - training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
a- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
 - training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
f- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
a- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
i- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
l- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
e- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
d- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
 - training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
p- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
o- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
d- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
 - training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
o- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
n- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
l- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
y- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
 - training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
w- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
h- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
e- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
n- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.

- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
 - training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
 - training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
`- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
r- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
u- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
n- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
P- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
o- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
l- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
i- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
c- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
y- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
.- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
b- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
a- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
c- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
k- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
o- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
f- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
f- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
L- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
i- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
m- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
i- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
t- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
`- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
 - training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
i- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
s- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
 - training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
s- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
e- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
t- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
 - training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
a- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
n- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
d- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
 - training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
e- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
x- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
h- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
a- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
u- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
s- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
t- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
e- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
d- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
 - training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
(- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
0- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
 - training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
f- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
a- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
i- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
l- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
s- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
 - training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
o- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
n- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
 - training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
t- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
h- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
e- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
 - training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
f- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
i- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
r- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
s- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
t- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
 - training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
f- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
a- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
i- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
l- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
u- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
r- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
e- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
)- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
;- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
 - training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
w- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
i- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
t- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
h- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.

- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
 - training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
 - training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
`- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
r- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
e- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
s- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
t- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
a- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
r- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
t- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
P- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
o- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
l- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
i- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
c- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
y- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
:- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
 - training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
O- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
n- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
F- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
a- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
i- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
l- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
u- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
r- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
e- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
`- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
 - training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
a- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
n- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
d- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
 - training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
n- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
o- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
 - training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
b- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
a- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
c- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
k- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
o- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
f- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
f- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
L- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
i- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
m- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
i- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
t- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
 - training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
i- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
t- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
 - training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
o- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
n- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
l- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
y- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
 - training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
r- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
e- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
p- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
o- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
r- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
t- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
s- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
 - training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
`- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
R- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
e- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
s- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
t- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
a- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
r- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
t- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
i- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
n- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
g- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
`- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
,- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
 - training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
b- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
e- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
c- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
a- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
u- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
s- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
e- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.

- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
 - training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
 - training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
o- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
n- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
 - training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
a- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
 - training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
r- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
e- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
a- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
l- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
 - training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
n- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
o- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
d- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
e- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
 - training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
t- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
h- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
e- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
 - training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
k- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
u- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
b- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
e- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
l- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
e- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
t- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
 - training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
w- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
o- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
u- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
l- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
d- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
 - training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
r- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
e- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
s- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
t- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
a- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
r- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
t- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
 - training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
t- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
h- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
e- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
 - training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
c- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
o- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
n- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
t- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
a- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
i- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
n- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
e- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
r- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
 - training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
i- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
n- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
 - training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
p- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
l- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
a- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
c- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
e- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
.- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.

- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
-- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
 - training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
A- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
 - training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
P- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
y- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
T- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
o- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
r- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
c- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
h- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
J- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
o- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
b- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
 - training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
w- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
i- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
t- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
h- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
 - training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
a- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
 - training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
M- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
a- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
s- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
t- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
e- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
r- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
 - training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
r- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
e- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
p- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
l- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
i- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
c- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
a- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
 - training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
i- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
s- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
 - training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
`- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
S- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
u- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
c- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
c- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
e- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
e- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
d- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
e- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
d- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
`- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
 - training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
w- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
h- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
e- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
n- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
 - training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
t- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
h- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
e- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
 - training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
M- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
a- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
s- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
t- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
e- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
r- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
 - training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
p- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
o- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
d- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
 - training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
s- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
u- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
c- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
c- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
e- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
e- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
d- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
s- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
.- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.

- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
"- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
"- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
"- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.

- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.

- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
f- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
r- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
o- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
m- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
 - training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
_- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
_- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
f- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
u- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
t- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
u- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
r- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
e- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
_- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
_- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
 - training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
i- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
m- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
p- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
o- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
r- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
t- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
 - training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
a- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
n- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
n- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
o- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
t- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
a- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
t- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
i- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
o- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
n- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
s- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.

- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.

- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
i- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
m- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
p- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
o- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
r- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
t- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
 - training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
t- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
i- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
m- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
e- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.

- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
f- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
r- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
o- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
m- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
 - training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
c- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
o- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
l- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
l- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
e- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
c- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
t- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
i- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
o- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
n- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
s- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
.- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
a- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
b- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
c- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
 - training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
i- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
m- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
p- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
o- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
r- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
t- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
 - training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
C- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
a- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
l- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
l- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
a- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
b- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
l- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
e- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.

- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
f- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
r- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
o- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
m- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
 - training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
t- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
y- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
p- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
i- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
n- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
g- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
 - training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
i- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
m- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
p- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
o- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
r- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
t- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
 - training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
T- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
y- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
p- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
e- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
V- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
a- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
r- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.

- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.

- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
f- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
r- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
o- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
m- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
 - training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
k- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
u- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
b- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
e- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
r- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
n- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
e- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
t- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
e- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
s- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
 - training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
i- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
m- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
p- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
o- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
r- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
t- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
 - training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
c- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
l- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
i- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
e- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
n- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
t- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.

- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.

- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
E- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
X- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
I- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
T- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
_- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
C- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
O- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
D- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
E- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
_- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
A- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
N- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
N- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
O- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
T- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
A- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
T- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
I- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
O- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
N- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
 - training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
=- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
 - training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
"- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
f- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
i- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
n- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
e- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
t- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
u- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
n- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
e- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
.- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
d- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
e- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
v- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
/- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
t- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
e- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
s- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
t- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
-- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
e- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
x- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
i- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
t- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
-- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
c- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
o- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
d- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
e- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
"- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.

- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
N- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
O- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
D- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
E- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
_- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
N- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
O- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
T- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
_- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
R- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
E- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
A- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
D- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
Y- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
_- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
A- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
N- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
N- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
O- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
T- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
A- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
T- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
I- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
O- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
N- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
 - training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
=- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
 - training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
"- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
f- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
i- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
n- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
e- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
t- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
u- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
n- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
e- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
.- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
d- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
e- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
v- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
/- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
t- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
e- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
s- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
t- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
-- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
n- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
o- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
d- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
e- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
-- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
n- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
o- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
t- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
-- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
r- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
e- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
a- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
d- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
y- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
"- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.

- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.

- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
T- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
 - training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
=- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
 - training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
T- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
y- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
p- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
e- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
V- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
a- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
r- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
(- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
"- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
T- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
"- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
)- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.

- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.

- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.

- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
d- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
e- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
f- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
 - training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
f- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
i- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
n- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
i- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
s- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
h- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
_- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
p- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
o- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
d- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
(- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
c- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
o- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
r- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
e- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
_- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
v- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
1- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
:- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
 - training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
c- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
l- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
i- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
e- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
n- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
t- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
.- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
C- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
o- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
r- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
e- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
V- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
1- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
A- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
p- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
i- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
,- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
 - training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
n- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
a- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
m- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
e- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
s- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
p- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
a- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
c- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
e- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
:- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
 - training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
s- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
t- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
r- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
,- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
 - training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
p- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
o- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
d- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
_- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
n- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
a- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
m- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
e- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
:- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
 - training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
s- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
t- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
r- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
,- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
 - training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
e- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
x- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
i- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
t- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
_- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
c- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
o- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
d- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
e- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
:- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
 - training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
i- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
n- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
t- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
)- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
 - training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
-- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
>- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
 - training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
N- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
o- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
n- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
e- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
:- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.

- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
 - training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
 - training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
 - training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
 - training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
"- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
"- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
"- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
E- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
n- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
d- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
 - training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
a- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
 - training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
r- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
u- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
n- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
n- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
i- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
n- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
g- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
 - training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
p- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
o- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
d- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
 - training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
w- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
i- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
t- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
h- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
 - training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
`- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
e- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
x- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
i- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
t- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
_- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
c- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
o- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
d- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
e- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
`- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
,- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
 - training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
a- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
s- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
 - training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
i- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
t- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
s- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
 - training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
c- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
o- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
n- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
t- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
a- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
i- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
n- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
e- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
r- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
 - training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
w- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
o- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
u- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
l- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
d- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
.- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
"- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
"- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
"- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.

- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
 - training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
 - training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
 - training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
 - training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
c- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
o- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
r- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
e- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
_- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
v- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
1- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
.- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
p- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
a- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
t- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
c- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
h- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
_- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
n- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
a- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
m- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
e- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
s- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
p- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
a- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
c- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
e- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
d- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
_- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
p- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
o- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
d- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
(- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.

- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
 - training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
 - training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
 - training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
 - training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
 - training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
 - training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
 - training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
 - training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
p- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
o- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
d- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
_- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
n- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
a- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
m- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
e- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
,- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
 - training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
n- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
a- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
m- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
e- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
s- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
p- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
a- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
c- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
e- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
,- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
 - training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
{- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
"- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
m- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
e- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
t- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
a- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
d- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
a- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
t- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
a- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
"- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
:- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
 - training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
{- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
"- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
a- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
n- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
n- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
o- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
t- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
a- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
t- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
i- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
o- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
n- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
s- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
"- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
:- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
 - training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
{- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
E- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
X- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
I- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
T- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
_- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
C- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
O- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
D- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
E- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
_- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
A- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
N- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
N- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
O- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
T- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
A- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
T- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
I- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
O- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
N- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
:- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
 - training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
s- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
t- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
r- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
(- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
e- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
x- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
i- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
t- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
_- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
c- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
o- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
d- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
e- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
)- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
}- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
}- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
}- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.

- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
 - training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
 - training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
 - training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
 - training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
)- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.

- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.

- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.

- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
d- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
e- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
f- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
 - training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
m- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
a- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
r- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
k- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
_- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
n- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
o- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
d- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
e- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
_- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
n- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
o- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
t- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
_- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
r- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
e- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
a- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
d- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
y- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
(- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
c- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
o- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
r- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
e- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
_- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
v- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
1- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
:- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
 - training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
c- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
l- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
i- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
e- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
n- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
t- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
.- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
C- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
o- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
r- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
e- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
V- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
1- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
A- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
p- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
i- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
,- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
 - training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
n- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
o- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
d- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
e- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
_- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
n- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
a- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
m- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
e- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
:- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
 - training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
s- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
t- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
r- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
)- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
 - training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
-- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
>- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
 - training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
N- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
o- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
n- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
e- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
:- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.

- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
 - training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
 - training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
 - training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
 - training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
"- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
"- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
"- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
S- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
i- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
m- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
u- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
l- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
a- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
t- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
e- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
 - training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
a- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
 - training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
l- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
o- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
s- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
t- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
 - training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
n- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
o- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
d- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
e- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
:- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
 - training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
i- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
t- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
 - training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
r- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
e- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
p- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
o- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
r- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
t- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
s- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
 - training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
R- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
e- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
a- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
d- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
y- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
=- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
F- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
a- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
l- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
s- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
e- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
 - training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
a- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
n- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
d- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
 - training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
t- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
h- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
e- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
 - training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
n- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
o- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
d- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
e- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
-- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
l- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
i- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
f- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
e- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
c- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
y- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
c- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
l- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
e- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
 - training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
c- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
o- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
n- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
t- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
r- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
o- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
l- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
l- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
e- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
r- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
 - training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
r- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
e- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
a- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
c- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
t- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
s- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
.- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
"- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
"- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
"- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.

- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
 - training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
 - training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
 - training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
 - training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
c- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
o- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
r- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
e- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
_- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
v- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
1- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
.- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
p- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
a- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
t- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
c- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
h- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
_- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
n- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
o- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
d- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
e- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
(- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
n- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
o- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
d- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
e- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
_- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
n- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
a- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
m- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
e- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
,- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
 - training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
{- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
"- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
m- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
e- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
t- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
a- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
d- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
a- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
t- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
a- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
"- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
:- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
 - training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
{- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
"- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
a- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
n- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
n- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
o- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
t- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
a- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
t- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
i- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
o- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
n- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
s- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
"- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
:- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
 - training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
{- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
N- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
O- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
D- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
E- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
_- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
N- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
O- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
T- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
_- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
R- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
E- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
A- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
D- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
Y- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
_- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
A- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
N- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
N- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
O- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
T- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
A- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
T- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
I- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
O- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
N- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
:- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
 - training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
"- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
t- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
r- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
u- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
e- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
"- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
}- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
}- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
}- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
)- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.

- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.

- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.

- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
d- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
e- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
f- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
 - training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
w- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
a- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
i- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
t- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
_- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
f- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
o- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
r- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
(- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
p- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
r- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
e- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
d- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
i- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
c- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
a- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
t- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
e- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
:- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
 - training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
C- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
a- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
l- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
l- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
a- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
b- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
l- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
e- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
[- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
[- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
]- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
,- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
 - training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
T- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
 - training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
|- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
 - training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
N- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
o- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
n- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
e- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
]- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
,- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
 - training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
t- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
i- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
m- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
e- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
o- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
u- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
t- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
:- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
 - training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
f- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
l- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
o- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
a- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
t- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
 - training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
=- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
 - training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
3- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
0- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
.- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
0- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
,- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
 - training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
i- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
n- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
t- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
e- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
r- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
v- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
a- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
l- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
:- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
 - training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
f- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
l- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
o- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
a- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
t- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
 - training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
=- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
 - training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
0- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
.- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
2- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
5- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
,- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.

- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
 - training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
 - training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
 - training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
 - training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
 - training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
 - training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
 - training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
 - training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
 - training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
 - training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
 - training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
 - training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
 - training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
m- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
e- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
s- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
s- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
a- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
g- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
e- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
:- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
 - training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
s- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
t- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
r- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
 - training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
=- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
 - training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
"- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
c- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
o- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
n- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
d- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
i- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
t- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
i- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
o- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
n- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
"- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
)- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
 - training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
-- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
>- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
 - training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
T- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
:- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.

- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
 - training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
 - training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
 - training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
 - training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
"- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
"- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
"- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
P- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
o- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
l- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
l- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
 - training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
`- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
p- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
r- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
e- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
d- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
i- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
c- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
a- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
t- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
e- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
`- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
 - training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
u- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
n- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
t- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
i- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
l- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
 - training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
i- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
t- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
 - training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
r- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
e- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
t- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
u- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
r- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
n- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
s- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
 - training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
s- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
o- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
m- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
e- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
t- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
h- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
i- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
n- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
g- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
 - training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
t- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
r- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
u- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
t- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
h- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
y- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
,- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
 - training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
a- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
n- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
d- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
 - training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
r- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
e- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
t- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
u- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
r- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
n- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
 - training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
t- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
h- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
a- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
t- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
;- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
 - training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
f- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
a- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
i- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
l- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
 - training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
a- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
f- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
t- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
e- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
r- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
 - training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
`- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
t- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
i- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
m- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
e- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
o- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
u- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
t- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
`- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
.- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
"- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
"- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
"- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.

- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
 - training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
 - training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
 - training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
 - training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
d- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
e- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
a- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
d- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
l- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
i- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
n- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
e- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
 - training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
=- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
 - training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
t- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
i- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
m- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
e- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
.- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
m- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
o- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
n- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
o- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
t- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
o- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
n- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
i- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
c- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
(- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
)- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
 - training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
+- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
 - training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
t- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
i- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
m- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
e- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
o- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
u- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
t- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.

- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
 - training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
 - training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
 - training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
 - training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
l- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
a- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
s- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
t- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
:- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
 - training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
T- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
 - training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
|- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
 - training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
N- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
o- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
n- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
e- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
 - training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
=- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
 - training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
N- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
o- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
n- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
e- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.

- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
 - training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
 - training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
 - training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
 - training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
w- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
h- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
i- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
l- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
e- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
 - training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
t- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
i- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
m- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
e- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
.- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
m- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
o- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
n- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
o- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
t- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
o- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
n- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
i- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
c- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
(- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
)- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
 - training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
<- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
 - training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
d- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
e- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
a- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
d- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
l- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
i- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
n- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
e- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
:- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.

- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
 - training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
 - training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
 - training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
 - training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
 - training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
 - training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
 - training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
 - training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
l- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
a- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
s- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
t- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
 - training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
=- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
 - training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
p- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
r- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
e- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
d- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
i- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
c- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
a- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
t- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
e- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
(- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
)- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.

- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
 - training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
 - training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
 - training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
 - training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
 - training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
 - training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
 - training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
 - training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
i- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
f- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
 - training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
l- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
a- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
s- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
t- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
:- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.

- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
 - training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
 - training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
 - training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
 - training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
 - training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
 - training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
 - training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
 - training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
 - training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
 - training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
 - training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
 - training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
r- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
e- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
t- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
u- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
r- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
n- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
 - training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
l- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
a- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
s- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
t- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.

- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
 - training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
 - training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
 - training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
 - training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
 - training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
 - training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
 - training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
 - training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
t- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
i- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
m- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
e- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
.- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
s- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
l- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
e- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
e- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
p- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
(- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
i- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
n- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
t- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
e- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
r- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
v- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
a- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
l- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
)- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.

- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
 - training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
 - training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
 - training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
 - training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
r- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
a- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
i- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
s- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
e- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
 - training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
A- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
s- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
s- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
e- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
r- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
t- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
i- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
o- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
n- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
E- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
r- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
r- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
o- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
r- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
(- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
f- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
"- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
t- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
i- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
m- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
e- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
d- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
 - training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
o- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
u- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
t- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
 - training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
a- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
f- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
t- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
e- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
r- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
 - training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
{- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
t- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
i- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
m- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
e- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
o- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
u- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
t- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
}- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
s- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
 - training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
w- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
a- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
i- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
t- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
i- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
n- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
g- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
 - training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
f- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
o- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
r- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
 - training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
{- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
m- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
e- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
s- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
s- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
a- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
g- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
e- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
}- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
 - training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
(- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
l- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
a- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
s- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
t- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
 - training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
v- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
a- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
l- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
u- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
e- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
:- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
 - training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
{- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
l- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
a- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
s- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
t- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
!- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
r- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
}- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
)- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
"- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
)- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.

- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
