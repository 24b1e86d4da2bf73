{{- define "finetune-operator.fullname" -}}
{{- if contains .Chart.Name .Release.Name -}}
{{- .Release.Name | trunc 63 | trimSuffix "-" -}}
{{- else -}}
{{- printf "%s-%s" .Release.Name .Chart.Name | trunc 63 | trimSuffix "-" -}}
{{- end -}}
{{- end -}}

{{- define "finetune-operator.selectorLabels" -}}
app.kubernetes.io/name: {{ .Chart.Name }}
app.kubernetes.io/instance: {{ .Release.Name }}
{{- end -}}

{{- define "finetune-operator.labels" -}}
{{ include "finetune-operator.selectorLabels" . }}
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
app.kubernetes.io/component: operator
app.kubernetes.io/part-of: finetune-operator
app.kubernetes.io/managed-by: {{ .Release.Service }}
helm.sh/chart: {{ printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" }}
{{- end -}}

{{- define "finetune-operator.serviceAccountName" -}}
{{- if .Values.serviceAccount.create -}}
{{- default (include "finetune-operator.fullname" .) .Values.serviceAccount.name -}}
{{- else -}}
{{- required "serviceAccount.name is required when serviceAccount.create is false" .Values.serviceAccount.name -}}
{{- end -}}
{{- end -}}

{{/* The operator config file: the user's OperatorConfig plus what the chart wires up: the
ports and the trainer's ClusterRole (templates/rbac.yaml). */}}
{{- define "finetune-operator.config" -}}
{{- $config := deepCopy .Values.config -}}
{{- $_ := set $config "metrics_port" .Values.metrics.port -}}
{{- $_ := set $config "liveness_port" .Values.livenessPort -}}
{{- $_ := set $config "trainer_cluster_role" (printf "%s-trainer" (include "finetune-operator.fullname" .)) -}}
{{- toYaml $config -}}
{{- end -}}

{{/* The operator image: by digest when image.digest is set, else by tag (the appVersion by default). */}}
{{- define "finetune-operator.image" -}}
{{- if .Values.image.digest -}}
{{ .Values.image.repository }}@{{ .Values.image.digest }}
{{- else -}}
{{ .Values.image.repository }}:{{ default .Chart.AppVersion .Values.image.tag }}
{{- end -}}
{{- end -}}

{{/* The supported Kubernetes versions (1.30 and later), checked on what the cluster serves rather
than by Chart.yaml's kubeVersion, which `helm template` compares with Helm's built-in default
(v1.20) and so refuses without --kube-version. The chart needs ValidatingAdmissionPolicy in
admissionregistration.k8s.io/v1, GA from 1.30. Against a cluster (install, upgrade, Argo CD),
Helm's capabilities list every served kind, ValidatingWebhookConfiguration (v1 since 1.16)
among them: a cluster that lists that kind but not the policy is too old. Offline, Helm's
built-in list names group versions only, so `helm template` renders as it should. */}}
{{- define "finetune-operator.checkKubernetes" -}}
{{- $apis := .Capabilities.APIVersions -}}
{{- if and ($apis.Has "admissionregistration.k8s.io/v1/ValidatingWebhookConfiguration") (not ($apis.Has "admissionregistration.k8s.io/v1/ValidatingAdmissionPolicy")) -}}
{{- fail (printf "finetune-operator needs Kubernetes 1.30 or later: this cluster (%s) does not serve ValidatingAdmissionPolicy in admissionregistration.k8s.io/v1" .Capabilities.KubeVersion.Version) -}}
{{- end -}}
{{- end -}}

{{/* Labels of the config-check hook's Job and pod: not the operator's selector labels, so the
metrics Service never sends scrapes to it. */}}
{{- define "finetune-operator.configCheckLabels" -}}
app.kubernetes.io/name: {{ .Chart.Name }}-config-check
app.kubernetes.io/instance: {{ .Release.Name }}
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
app.kubernetes.io/component: config-check
app.kubernetes.io/part-of: finetune-operator
app.kubernetes.io/managed-by: {{ .Release.Service }}
helm.sh/chart: {{ printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" }}
{{- end -}}

{{/* What `helm install` and `helm upgrade` print after they are done (templates/NOTES.txt); a
define, so that tests can render it with `helm template`. */}}
{{- define "finetune-operator.notes" -}}
finetune-operator {{ .Chart.AppVersion }} is installed in namespace {{ .Release.Namespace }} (release {{ .Release.Name }}).

{{- if .Values.config.namespaces }}
It watches FineTuneJobs in: {{ join ", " .Values.config.namespaces }}.
A job in any other namespace stays Pending: add its namespace to config.namespaces (the namespace must exist first).
{{- else }}
It watches FineTuneJobs in every namespace.
{{- end }}

Check the operator:
  kubectl -n {{ .Release.Namespace }} rollout status deployment/{{ include "finetune-operator.fullname" . }}
  kubectl -n {{ .Release.Namespace }} logs deployment/{{ include "finetune-operator.fullname" . }}   # logLevel={{ .Values.logLevel }}

{{- if .Values.recipes.builtin }}

The built-in recipes:
  kubectl get clusterfinetunerecipes
{{- end }}

Run a first job (docs/demo.md), then follow it:
  kubectl finetune submit --help
  kubectl get finetunejobs -A
  kubectl finetune status JOB -n NAMESPACE

{{- if or .Values.monitoring.serviceMonitor.enabled .Values.monitoring.prometheusRule.enabled .Values.monitoring.dashboard.enabled }}

Monitoring:{{ if .Values.monitoring.serviceMonitor.enabled }} ServiceMonitor{{ end }}{{ if .Values.monitoring.prometheusRule.enabled }} PrometheusRule{{ end }}{{ if .Values.monitoring.dashboard.enabled }} Grafana dashboard{{ end }} (docs/operations.md, "Monitoring").
{{- end }}
{{- end -}}
