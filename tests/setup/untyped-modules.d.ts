declare module "parse-prometheus-text-format";
declare module "async-exit-hook";
