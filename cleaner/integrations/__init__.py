"""Plug-ins that run cleaner inside other data-processing frameworks.

- ``cleaner.integrations.datatrove``: a HF datatrove ``PipelineStep`` (``pip install 'cleaner[datatrove]'``).

Each integration imports its framework only when its module is imported, and cleaner itself
only when the step runs, so pipelines pickle cheaply.
"""
