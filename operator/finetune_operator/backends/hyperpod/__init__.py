"""HyperPod backend: Kubeflow PyTorchJobs on SageMaker HyperPod EKS (Trainium)."""
