declare module "parse-prometheus-text-format";
