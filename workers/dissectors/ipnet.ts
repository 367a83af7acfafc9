// Placeholder: this dissector is being written.
export {};
