import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { App } from "./App.js";
import { takeFragmentCredential } from "./lib/tokens.js";
import "./styles.css";

// Before anything renders: a link's #token= or #key= is stored and taken out of the address bar.
takeFragmentCredential();

const root = document.getElementById("root");
if (!root) throw new Error("index.html has no #root element");
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
