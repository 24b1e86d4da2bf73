"""Started by Python in every process of a Neuron test run (this folder is first on PYTHONPATH there).

It installs the stand-ins for the hardware-only Neuron packages before anything imports them; see
`neuron_standins`. Nothing else is changed: the trainer, optimum-neuron, neuronx-distributed and
torch-xla are the real ones.
"""

import neuron_standins

neuron_standins.install()
