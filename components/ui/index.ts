export { Button, buttonClass, type ButtonProps, type ButtonSize, type ButtonVariant } from './button';
export { TabList, TabPanel, tabClass, type TabItem, type TabListProps, type TabsVariant } from './tabs';
